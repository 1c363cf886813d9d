using System.Text.Json;
using TechFlow.OnCall.Core.Inbound;
using TechFlow.OnCall.Slack.Rendering;

namespace TechFlow.OnCall.Slack.Interactions;

/// <summary>Runs a recorded button press through the block action handler for its action id.</summary>
public sealed class SlackActionWork(IEnumerable<IBlockActionHandler> handlers) : IInboundWorkProcessor
{
    public const string WorkKind = "slack-action";

    private readonly IBlockActionHandler[] _handlers = [.. handlers];

    public string Kind => WorkKind;

    /// <summary>The handler for <paramref name="request"/>'s action id, or the catch-all; null when there is none.</summary>
    public IBlockActionHandler? HandlerFor(BlockActionRequest request)
    {
        var id = BlockKitRenderer.ActionIdOf(request.ActionId);
        return _handlers.FirstOrDefault(h => h.ActionIds.Contains(id)) ?? _handlers.FirstOrDefault(h => h.ActionIds.Count == 0);
    }

    public async Task ProcessAsync(InboundWork work, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(work.Payload);
        var request = BlockActionRequest.Parse(document.RootElement)
            ?? throw new InvalidOperationException($"Stored Slack button press {work.Id} cannot be read");
        if (HandlerFor(request) is { } handler)
        {
            await handler.HandleAsync(request, cancellationToken);
        }
    }
}
