namespace TechFlow.OnCall.Core.Tests.Storage;

/// <summary>A small record for store tests (public so LiteDB can map it).</summary>
public sealed record Note
{
    public required string Id { get; init; }
    public string Text { get; init; } = "";
    public int Rank { get; init; }
}
