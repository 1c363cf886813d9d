namespace TechFlow.OnCall.Slack.Events;

/// <summary>Handles Events API events of <see cref="EventTypes"/> after Slack was acknowledged (after SlackNet's <c>IEventCallbackHandler</c>).</summary>
public interface IEventCallbackHandler
{
    IReadOnlyList<string> EventTypes { get; }

    Task HandleAsync(EventCallback callback, CancellationToken cancellationToken);
}
