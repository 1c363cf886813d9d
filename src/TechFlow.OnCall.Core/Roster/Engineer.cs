namespace TechFlow.OnCall.Core.Roster;

/// <summary>A person in the on-call rotation (or the manager at the top of the escalation matrix).</summary>
public sealed record Engineer
{
    /// <summary>Stable id, a slug such as <c>alex-chen</c>.</summary>
    public required string Id { get; init; }
    public required string Name { get; init; }
    public Seniority Seniority { get; init; }
    public string Title { get; init; } = "";
    public string? Email { get; init; }
    public string? SlackUserId { get; init; }
    public string? TeamsUserId { get; init; }
    public string? TeamsAadObjectId { get; init; }
    /// <summary>IANA time zone of the person; the team's zone when empty.</summary>
    public string? TimeZone { get; init; }
    /// <summary>False for the engineering manager: escalated to, never scheduled.</summary>
    public bool InRotation { get; init; } = true;
    public bool IsManager { get; init; }
    public bool IsAdmin { get; init; }
    /// <summary>The first day this person may be scheduled (a new joiner); null for always.</summary>
    public DateOnly? JoinedOn { get; init; }
    /// <summary>The first team-local day this person is no longer on call (they left the team); null while they stay.</summary>
    /// <remarks>From that day the effective schedule shows their planned slices as uncovered (left the team).</remarks>
    public DateOnly? LeftOn { get; init; }

    public string FirstName => Name.Split(' ', 2)[0];
}
