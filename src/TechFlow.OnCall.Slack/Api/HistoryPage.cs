namespace TechFlow.OnCall.Slack.Api;

/// <summary>One page of <c>conversations.history</c>, newest first; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record HistoryPage(IReadOnlyList<HistoryMessage> Messages, string? NextCursor);
