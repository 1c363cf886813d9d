using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Slack.Api;
using TechFlow.OnCall.Slack.Commands;
using TechFlow.OnCall.Slack.Rendering;

namespace TechFlow.OnCall.Slack.Inbound;

/// <summary>
/// Answers a slash command from either transport: inline when the answer is ready within
/// <see cref="SlackOptions.InlineAnswerBudget"/>, otherwise an empty acknowledgement now and the answer through
/// response_url, so Slack always hears back within its 3 seconds.
/// </summary>
public sealed class SlashCommandDispatcher(
    IEnumerable<ISlashCommandHandler> handlers,
    ISlackApiClient api,
    SlackBackgroundWork background,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlashCommandDispatcher> logger)
{
    private readonly ISlashCommandHandler[] _handlers = [.. handlers];

    public async Task<SlackInboundResult> DispatchAsync(SlashCommand command)
    {
        var handler = _handlers.FirstOrDefault(h => string.Equals(h.Command, command.Command, StringComparison.OrdinalIgnoreCase))
            ?? _handlers.FirstOrDefault(h => h.Command == "*");
        if (handler is null)
        {
            return SlackInboundResult.Json(Fallback("That command is not set up here.").ToUtf8Json());
        }

        // A memoised answer is ready now: no thread-pool hop, no budget timer.
        if (handler.TryAnswerNow(command) is { } ready)
        {
            return SlackInboundResult.Json(ready);
        }

        // Started on the thread pool, so the budget runs while the answer is computed, even if the handler works
        // synchronously before its first await.
        var answer = Task.Run(() => AnswerAsync(handler, command, background.Stopping));
        using (var budgetTimer = new CancellationTokenSource())
        {
            if (await Task.WhenAny(answer, Task.Delay(options.Value.InlineAnswerBudget, time, budgetTimer.Token)) == answer)
            {
                await budgetTimer.CancelAsync();
                return (await answer) is { } inline ? SlackInboundResult.Json(inline.ToUtf8Json()) : SlackInboundResult.Ok;
            }
        }

        if (command.ResponseUrl is { } responseUrl)
        {
            var queued = background.TryQueue(async ct =>
            {
                if (await answer is { } late)
                {
                    await api.RespondAsync(responseUrl, late.ToJson(), ct);
                }
            });
            if (!queued)
            {
                logger.LogWarning("Slash command {Command} acknowledged but its late answer was dropped: the background queue is full", command.Command);
            }
        }

        return SlackInboundResult.Ok;
    }

    private async Task<SlashCommandResponse?> AnswerAsync(ISlashCommandHandler handler, SlashCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await handler.HandleAsync(command, cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Slash command {Command} failed", command.Command);
            return Fallback("Something went wrong while answering that. Nothing was changed; please try again.");
        }
    }

    private static SlashCommandResponse Fallback(string message) =>
        new(BlockKitRenderer.Render(Reply.Error(message)), InChannel: false);
}
