namespace TechFlow.OnCall.Core.TeamChanges;

/// <summary>What a team change does.</summary>
public enum TeamChangeKind
{
    /// <summary>A new engineer joins the rotation.</summary>
    Add = 0,
    /// <summary>An engineer leaves the team on a date.</summary>
    Leave = 1,
    /// <summary>An engineer who left comes back.</summary>
    Rejoin = 2,
    /// <summary>An engineer's seniority, time zone or name changes.</summary>
    Edit = 3,
    /// <summary>An unlinked Slack or Teams user asks to be linked to an engineer; an admin approves or declines.</summary>
    LinkMe = 4,
}

/// <summary>Where a team change stands.</summary>
public enum TeamChangeStatus
{
    Pending = 0,
    Applied = 1,
    Cancelled = 2,
}
