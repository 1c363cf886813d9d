using System.Text.Json;
using Microsoft.Extensions.Logging;
using TechFlow.OnCall.Slack.Interactions;

namespace TechFlow.OnCall.Slack.Inbound;

/// <summary>
/// Takes an interaction payload from either transport and dispatches it on its <c>type</c>. A button press is
/// acknowledged at once and handled in the background; types nobody handles are acknowledged and ignored.
/// </summary>
public sealed class SlackInteractionDispatcher(
    IEnumerable<IBlockActionHandler> handlers,
    SlackBackgroundWork background,
    ILogger<SlackInteractionDispatcher> logger)
{
    private readonly IBlockActionHandler[] _handlers = [.. handlers];

    public Task<SlackInboundResult> DispatchAsync(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return Task.FromResult(SlackInboundResult.BadRequest);
        }

        var type = payload.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return type switch
        {
            null or "block_actions" => Task.FromResult(BlockAction(payload)),
            _ => Task.FromResult(SlackInboundResult.Ok),
        };
    }

    private SlackInboundResult BlockAction(JsonElement payload)
    {
        if (BlockActionRequest.Parse(payload) is not { } request)
        {
            return SlackInboundResult.BadRequest;
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

        return SlackInboundResult.Ok;
    }
}
