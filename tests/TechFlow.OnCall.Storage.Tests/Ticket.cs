namespace TechFlow.OnCall.Storage.Tests;

public enum TicketState
{
    Open = 0,
    Acknowledged = 1,
    Closed = 2,
}

/// <summary>
/// A record shaped like the product's (instants, dates, enums, nullables, nested lists of positional records) to
/// prove both providers store and query them alike. Public so LiteDB can map it.
/// </summary>
public sealed record Ticket
{
    public required string Id { get; init; }
    public string Title { get; init; } = "";
    public string? Owner { get; init; }
    public TicketState State { get; init; }
    public TicketState? PreviousState { get; init; }
    public int Rank { get; init; }
    public long Seq { get; init; }
    public bool Urgent { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public DateOnly Day { get; init; }
    public TimeSpan Budget { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<TicketNote> Notes { get; init; } = [];

    public TimeSpan? Age => ClosedAt - OpenedAt;
}

public sealed record TicketNote(string Author, string Text, DateTimeOffset At);

/// <summary>A second record type, to check that collections are kept apart and commits name each type.</summary>
public sealed record Counter
{
    public required string Id { get; init; }
    public long Value { get; init; }
}
