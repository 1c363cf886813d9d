namespace TechFlow.OnCall.Slack.Api;

/// <summary><c>conversations.*</c> methods.</summary>
public interface IConversationsApi
{
    /// <summary><c>conversations.open</c>: the DM (or group DM) channel id with <paramref name="users"/>.</summary>
    Task<string> OpenAsync(IReadOnlyList<string> users, CancellationToken cancellationToken);

    /// <summary><c>conversations.setTopic</c> (at most 250 characters, no formatting).</summary>
    Task SetTopicAsync(string channel, string topic, CancellationToken cancellationToken);
}
