using System.Text.Json;
using TechFlow.OnCall.Core.Inbound;

namespace TechFlow.OnCall.Slack.Events;

/// <summary>Runs a recorded Events API event through the handlers of its type.</summary>
public sealed class SlackEventWork(IEnumerable<IEventCallbackHandler> handlers) : IInboundWorkProcessor
{
    public const string WorkKind = "slack-event";

    private readonly IEventCallbackHandler[] _handlers = [.. handlers];

    public string Kind => WorkKind;

    /// <summary>Whether <paramref name="callback"/> is worth recording: a handler takes its type and no bot wrote it.</summary>
    public bool Wants(EventCallback callback) => !callback.IsFromBot && _handlers.Any(h => h.EventTypes.Contains(callback.Type));

    public async Task ProcessAsync(InboundWork work, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(work.Payload);
        var callback = EventCallback.Parse(document.RootElement)
            ?? throw new InvalidOperationException($"Stored Slack event {work.Id} cannot be read");
        foreach (var handler in _handlers.Where(h => h.EventTypes.Contains(callback.Type)))
        {
            await handler.HandleAsync(callback, cancellationToken);
        }
    }
}
