using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TechFlow.OnCall.Teams.Connector;

namespace TechFlow.OnCall.Teams.Bot;

/// <summary>
/// Sends the answer to a Teams message through the Bot Connector without holding the inbound request past
/// <see cref="ReplyWait"/>: Bot Framework wants the activity answered within 15 s, so a reply still waiting for a
/// bot token is finished in the background, and tried again while the token endpoint fails (nothing was sent then).
/// </summary>
public sealed class TeamsReplies(ConnectorClient connector, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<TeamsReplies> logger)
{
    /// <summary>How long the inbound request waits for the reply to be sent.</summary>
    public static readonly TimeSpan ReplyWait = TimeSpan.FromSeconds(5);

    /// <summary>Waits before sending again after a token failure.</summary>
    public static readonly IReadOnlyList<TimeSpan> TokenRetryDelays = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)];

    /// <summary>Sends <paramref name="message"/>; returns once it was sent, failed, or <see cref="ReplyWait"/> passed.</summary>
    public async Task SendAsync(string serviceUrl, string conversationId, string? replyToId, JsonObject message)
    {
        var sending = SendWithRetriesAsync(serviceUrl, conversationId, replyToId, message, lifetime.ApplicationStopping);
        try
        {
            await sending.WaitAsync(ReplyWait, time);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("The reply in {Conversation} is not sent yet (waiting for a bot token); the message was answered and the reply follows", conversationId);
        }
    }

    private async Task SendWithRetriesAsync(string serviceUrl, string conversationId, string? replyToId, JsonObject message, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var result = replyToId is { } replyTo
                    ? await connector.ReplyAsync(serviceUrl, conversationId, replyTo, message, ct)
                    : await connector.PostAsync(serviceUrl, conversationId, message, ct);
                if (!result.IsSuccess)
                {
                    logger.LogWarning("The Bot Connector refused a reply in {Conversation}: {Status}", conversationId, (int)result.Status);
                }

                return;
            }
            catch (ConnectorTokenException ex) when (attempt < TokenRetryDelays.Count)
            {
                logger.LogWarning("No bot token for the reply in {Conversation} ({Reason}); trying again in {Delay}", conversationId, ex.Message, TokenRetryDelays[attempt]);
                try
                {
                    await Task.Delay(TokenRetryDelays[attempt], time, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException)
            {
                logger.LogWarning("The reply in {Conversation} was not sent: {Reason}", conversationId, ex.Message);
                return;
            }
        }
    }
}
