using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using TechFlow.OnCall.Slack.Interactions;

namespace TechFlow.OnCall.Slack.Inbound;

/// <summary>
/// POST /slack/interactions: verifies, parses the <c>payload</c> form field, acknowledges at once, and runs the
/// block action's handler in the background. Other interaction types are acknowledged and ignored.
/// </summary>
public sealed class SlackInteractionEndpoint(
    SlackRequestReader reader,
    IEnumerable<IBlockActionHandler> handlers,
    SlackBackgroundWork background,
    ILogger<SlackInteractionEndpoint> logger)
{
    private readonly IBlockActionHandler[] _handlers = [.. handlers];

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var (body, status) = await reader.ReadVerifiedAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            return Results.StatusCode(status);
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (!form.TryGetValue("payload", out var payloadText) || string.IsNullOrEmpty(payloadText))
        {
            return Results.BadRequest();
        }

        JsonElement payload;
        try
        {
            using var document = JsonDocument.Parse(payloadText.ToString());
            payload = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        if (payload.ValueKind != JsonValueKind.Object)
        {
            return Results.BadRequest();
        }

        if (payload.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() != "block_actions")
        {
            return Results.Ok();
        }

        if (BlockActionRequest.Parse(payload) is not { } request)
        {
            return Results.BadRequest();
        }

        var id = Rendering.BlockKitRenderer.ActionIdOf(request.ActionId);
        var handler = _handlers.FirstOrDefault(h => h.ActionIds.Contains(id)) ?? _handlers.FirstOrDefault(h => h.ActionIds.Count == 0);
        if (handler is not null)
        {
            background.TryQueue(async ct =>
            {
                try
                {
                    await handler.HandleAsync(request, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Slack block action {ActionId} failed", request.ActionId);
                }
            });
        }

        return Results.Ok();
    }
}
