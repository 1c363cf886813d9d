using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Slack.Api;
using TechFlow.OnCall.Slack.Commands;
using TechFlow.OnCall.Slack.Rendering;

namespace TechFlow.OnCall.Slack.Inbound;

/// <summary>
/// POST /slack/commands. Answers inline when the answer is ready within <see cref="SlackOptions.InlineAnswerBudget"/>,
/// otherwise acknowledges with an empty 200 and finishes through response_url, so Slack always hears back in 3 s.
/// </summary>
public sealed class SlackCommandEndpoint(
    SlackRequestReader reader,
    IEnumerable<ISlashCommandHandler> handlers,
    ISlackApiClient api,
    SlackBackgroundWork background,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackCommandEndpoint> logger)
{
    private readonly ISlashCommandHandler[] _handlers = [.. handlers];

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var (body, status) = await reader.ReadVerifiedAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            return Results.StatusCode(status);
        }

        var text = Encoding.UTF8.GetString(body);
        if (QueryHelpers.ParseQuery(text).TryGetValue("ssl_check", out var sslCheck) && sslCheck == "1")
        {
            return Results.Ok();
        }

        if (SlashCommand.Parse(text) is not { } command)
        {
            return Results.BadRequest();
        }

        var handler = _handlers.FirstOrDefault(h => string.Equals(h.Command, command.Command, StringComparison.OrdinalIgnoreCase))
            ?? _handlers.FirstOrDefault(h => h.Command == "*");
        if (handler is null)
        {
            return Json(Fallback("That command is not set up here."));
        }

        // Started on the thread pool, so the budget runs while the answer is computed, even if the handler works
        // synchronously before its first await.
        var answer = Task.Run(() => AnswerAsync(handler, command, background.Stopping));
        var budget = options.Value.InlineAnswerBudget;
        using (var budgetTimer = new CancellationTokenSource())
        {
            if (await Task.WhenAny(answer, Task.Delay(budget, time, budgetTimer.Token)) == answer)
            {
                await budgetTimer.CancelAsync();
                return Json(await answer);
            }
        }

        if (command.ResponseUrl is { } responseUrl)
        {
            if (!background.TryQueue(async ct => await api.RespondAsync(responseUrl, (await answer).ToJson(), ct)))
            {
                logger.LogWarning("Slash command {Command} acknowledged but its late answer was dropped: the background queue is full", command.Command);
            }
        }

        return Results.Ok();
    }

    private async Task<SlashCommandResponse> AnswerAsync(ISlashCommandHandler handler, SlashCommand command, CancellationToken cancellationToken)
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

    private static IResult Json(SlashCommandResponse response) =>
        Results.Text(response.ToJson().ToJsonString(), "application/json; charset=utf-8");
}
