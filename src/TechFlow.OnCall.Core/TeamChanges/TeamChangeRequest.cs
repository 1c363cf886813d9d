using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.TeamChanges;

/// <summary>
/// A team change an admin asked for, waiting for their Confirm (it moves shifts). The Confirm and Cancel buttons carry
/// only <see cref="Id"/>; the handler reloads the request and checks everything again.
/// </summary>
public sealed record TeamChangeRequest
{
    /// <summary>Short and opaque, for a button value and <c>oncall team confirm &lt;id&gt;</c>.</summary>
    public required string Id { get; init; }
    public TeamChangeKind Kind { get; init; }
    public TeamChangeStatus Status { get; init; }
    /// <summary>The engineer the change is about (the new id, for <see cref="TeamChangeKind.Add"/>).</summary>
    public required string EngineerId { get; init; }
    /// <summary>The new engineer's name, the new name for an edit, or the asker's chat display name for a link request.</summary>
    public string? Name { get; init; }
    public Seniority? Seniority { get; init; }
    public string? TimeZone { get; init; }
    public string? SlackUserId { get; init; }
    /// <summary>For a link request from Teams: the asker's Teams id (29:…) or Entra object id.</summary>
    public string? TeamsUserId { get; init; }
    /// <summary>The first day the engineer is no longer on call (leave).</summary>
    public DateOnly? On { get; init; }
    /// <summary>For an edit: seniority, timezone or name.</summary>
    public string? Field { get; init; }
    /// <summary>The admin who proposed the change, or the chat user id of whoever asked to be linked.</summary>
    public required string RequestedById { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? DecidedById { get; init; }
}
