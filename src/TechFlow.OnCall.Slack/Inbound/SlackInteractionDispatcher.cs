using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TechFlow.OnCall.Slack.Interactions;
using TechFlow.OnCall.Slack.Modals;

namespace TechFlow.OnCall.Slack.Inbound;

/// <summary>
/// Takes an interaction payload from either transport and dispatches it on its <c>type</c>. A button press is
/// recorded with its work (<see cref="SlackInbound"/>) before it is acknowledged, so it is never lost or done twice;
/// a shortcut is acknowledged at once and handled in the background; a form submission and a select's type-ahead
/// (<c>block_suggestion</c>) are answered in the acknowledgement; other types are acknowledged and ignored.
/// </summary>
public sealed class SlackInteractionDispatcher(
    SlackInbound inbound,
    IEnumerable<IViewSubmissionHandler> forms,
    ShortcutHandler shortcuts,
    PageModal pageOptions,
    SlackBackgroundWork background,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackInteractionDispatcher> logger)
{
    private readonly IViewSubmissionHandler[] _forms = [.. forms];

    public async Task<SlackInboundResult> DispatchAsync(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return SlackInboundResult.BadRequest;
        }

        var type = payload.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return type switch
        {
            null or "block_actions" => BlockAction(payload),
            "view_submission" => await SubmissionAsync(payload),
            "block_suggestion" => Suggestion(payload),
            "shortcut" or "message_action" => Shortcut(payload),
            _ => SlackInboundResult.Ok,
        };
    }

    private SlackInboundResult BlockAction(JsonElement payload) =>
        inbound.AcceptInteraction(payload) == SlackDelivery.Invalid ? SlackInboundResult.BadRequest : SlackInboundResult.Ok;

    /// <summary>Answers within <see cref="SlackOptions.InlineAnswerBudget"/>; a slower submission still completes, and the modal closes.</summary>
    private async Task<SlackInboundResult> SubmissionAsync(JsonElement payload)
    {
        if (ViewSubmission.Parse(payload) is not { } submission)
        {
            return SlackInboundResult.BadRequest;
        }

        if (_forms.FirstOrDefault(f => f.CallbackId == submission.CallbackId) is not { } form)
        {
            return SlackInboundResult.Ok;
        }

        var answer = form.HandleAsync(submission, background.Stopping);
        using var budget = new CancellationTokenSource();
        if (await Task.WhenAny(answer, Task.Delay(options.Value.InlineAnswerBudget, time, budget.Token)) != answer)
        {
            Queue($"form {submission.CallbackId}", _ => answer);
            return SlackInboundResult.Ok;
        }

        await budget.CancelAsync();
        try
        {
            return await answer is { } body ? SlackInboundResult.Json(body) : SlackInboundResult.Ok;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Slack form {CallbackId} failed", submission.CallbackId);
            return SlackInboundResult.Json(ModalBlocks.Errors(submission.Values.ValueKind == JsonValueKind.Object
                ? submission.Values.EnumerateObject().Select(b => b.Name).FirstOrDefault() ?? "none" : "none",
                "Something went wrong; nothing was changed. Please try again."));
        }
    }

    private SlackInboundResult Suggestion(JsonElement payload)
    {
        var action = ViewSubmission.Str(payload, "action_id");
        return action == PageModal.PipelineAction
            ? SlackInboundResult.Json(pageOptions.Options(ViewSubmission.Str(payload, "value") ?? ""))
            : SlackInboundResult.Json(new System.Text.Json.Nodes.JsonObject { ["options"] = new System.Text.Json.Nodes.JsonArray() });
    }

    private SlackInboundResult Shortcut(JsonElement payload)
    {
        Queue("shortcut", ct => shortcuts.HandleAsync(payload, ct));
        return SlackInboundResult.Ok;
    }

    private void Queue(string what, Func<CancellationToken, Task> work) =>
        background.TryQueue(async ct =>
        {
            try
            {
                await work(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Slack {What} failed", what);
            }
        });
}
