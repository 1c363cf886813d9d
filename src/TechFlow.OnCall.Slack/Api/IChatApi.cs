namespace TechFlow.OnCall.Slack.Api;

/// <summary><c>chat.*</c> methods.</summary>
public interface IChatApi
{
    /// <summary><c>chat.postMessage</c>; <paramref name="threadTs"/> replies in a thread.</summary>
    Task<PostedMessage> PostMessageAsync(string channel, SlackMessage message, string? threadTs, CancellationToken cancellationToken);

    /// <summary><c>chat.update</c>: replaces the text and blocks of a message the bot posted.</summary>
    Task<PostedMessage> UpdateAsync(string channel, string ts, SlackMessage message, CancellationToken cancellationToken);

    /// <summary><c>chat.postEphemeral</c>: visible to <paramref name="user"/> only; returns its message_ts.</summary>
    Task<string> PostEphemeralAsync(string channel, string user, SlackMessage message, CancellationToken cancellationToken);
}
