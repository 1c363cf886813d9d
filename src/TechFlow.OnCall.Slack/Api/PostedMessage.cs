namespace TechFlow.OnCall.Slack.Api;

/// <summary>Where a message landed: its channel and timestamp (Slack's message id).</summary>
public sealed record PostedMessage(string Channel, string Ts);
