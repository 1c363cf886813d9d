namespace TechFlow.OnCall.Slack.Api;

/// <summary><c>conversations.*</c> methods.</summary>
public interface IConversationsApi
{
    /// <summary><c>conversations.open</c>: the DM (or group DM) channel id with <paramref name="users"/>.</summary>
    Task<string> OpenAsync(IReadOnlyList<string> users, CancellationToken cancellationToken);

    /// <summary>
    /// <c>conversations.history</c> with every message's metadata (<c>include_all_metadata</c>): messages after
    /// <paramref name="oldest"/>, newest first, one page (continue with <see cref="HistoryPage.NextCursor"/>).
    /// </summary>
    Task<HistoryPage> HistoryAsync(string channel, DateTimeOffset oldest, string? cursor, CancellationToken cancellationToken);

    /// <summary><c>conversations.setTopic</c> (at most 250 characters, no formatting).</summary>
    Task SetTopicAsync(string channel, string topic, CancellationToken cancellationToken);
}
