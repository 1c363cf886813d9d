namespace TechFlow.OnCall.Slack.OnCallSync;

/// <summary>What was last written to Slack for one synced thing (<c>topic</c>, <c>usergroup</c>), so it is written once per change.</summary>
public sealed record SlackSyncState
{
    public required string Id { get; init; }
    public string Value { get; init; } = "";
}
