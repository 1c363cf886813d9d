using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using TechFlow.OnCall.Slack.Commands;
using TechFlow.OnCall.Slack.Inbound;

namespace TechFlow.OnCall.Slack.SocketMode;

/// <summary>
/// Turns a Socket Mode envelope into the same dispatch an HTTP request gets, and builds its acknowledgement:
/// <c>{"envelope_id":…}</c>, plus the answer as <c>payload</c> when Slack accepts one (a slash command's reply,
/// a view submission's response_action, block_suggestion options). An envelope id seen before (redelivered on
/// another connection) is acknowledged again without being handled twice.
/// </summary>
public sealed class SocketModeEnvelopeHandler(
    SlashCommandDispatcher commands,
    SlackInteractionDispatcher interactions,
    SlackEventDispatcher events,
    TimeProvider time,
    ILogger<SocketModeEnvelopeHandler> logger)
{
    /// <summary>How long an envelope id is remembered (Slack redelivers an unacknowledged one within minutes).</summary>
    public static readonly TimeSpan Remember = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, (DateTimeOffset At, Task<JsonObject> Ack)> _seen = new(StringComparer.Ordinal);

    /// <summary>
    /// Handles <paramref name="frame"/> (an envelope) and returns the acknowledgement to send. The same envelope
    /// again (redelivered after a dropped connection) gets the first one's acknowledgement, answer included.
    /// </summary>
    public Task<JsonObject> HandleAsync(SocketModeFrame frame)
    {
        var now = time.GetUtcNow();
        Forget(now);
        var first = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        var entry = _seen.GetOrAdd(frame.EnvelopeId!, _ => (now, first.Task));
        if (entry.Ack != first.Task)
        {
            logger.LogInformation("Socket Mode envelope {EnvelopeId} ({Type}) arrived again; acknowledged, not handled twice", frame.EnvelopeId, frame.Type);
            return entry.Ack;
        }

        _ = CompleteAsync(frame, first);
        return first.Task;
    }

    private async Task CompleteAsync(SocketModeFrame frame, TaskCompletionSource<JsonObject> done) =>
        done.SetResult(await AcknowledgeAsync(frame));

    private async Task<JsonObject> AcknowledgeAsync(SocketModeFrame frame)
    {
        var ack = new JsonObject { ["envelope_id"] = frame.EnvelopeId };
        SlackInboundResult result;
        try
        {
            result = frame.Type switch
            {
                "slash_commands" => SlashCommand.FromJson(frame.Payload) is { } command
                    ? await commands.DispatchAsync(command)
                    : SlackInboundResult.BadRequest,
                "interactive" => await interactions.DispatchAsync(frame.Payload),
                "events_api" => events.Dispatch(frame.Payload),
                _ => SlackInboundResult.Ok,
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Socket Mode envelope {EnvelopeId} ({Type}) failed", frame.EnvelopeId, frame.Type);
            return ack;
        }

        if (result.Status >= 400)
        {
            logger.LogWarning("Socket Mode envelope {EnvelopeId} ({Type}) was malformed ({Status}); acknowledged and dropped", frame.EnvelopeId, frame.Type, result.Status);
        }
        else if (frame.AcceptsResponsePayload && result.Body is { } body)
        {
            ack["payload"] = body;
        }

        return ack;
    }

    private void Forget(DateTimeOffset now)
    {
        if (_seen.Count < 1000)
        {
            return;
        }

        foreach (var (id, entry) in _seen)
        {
            if (now - entry.At > Remember && entry.Ack.IsCompleted)
            {
                _seen.TryRemove(id, out _);
            }
        }
    }
}
