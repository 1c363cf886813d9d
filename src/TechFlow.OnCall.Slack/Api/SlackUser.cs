namespace TechFlow.OnCall.Slack.Api;

/// <summary>The parts of a Slack user the bot uses.</summary>
public sealed record SlackUser(string Id, string? Name, string? RealName, string? Email, bool IsBot);
