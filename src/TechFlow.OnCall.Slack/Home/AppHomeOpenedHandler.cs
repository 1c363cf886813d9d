using TechFlow.OnCall.Slack.Events;

namespace TechFlow.OnCall.Slack.Home;

/// <summary><c>app_home_opened</c>: publishes the person's Home tab (the Messages tab needs nothing).</summary>
public sealed class AppHomeOpenedHandler(HomeTabPublisher publisher) : IEventCallbackHandler
{
    public IReadOnlyList<string> EventTypes { get; } = ["app_home_opened"];

    public Task HandleAsync(EventCallback callback, CancellationToken cancellationToken) =>
        callback.User is { Length: > 0 } user && callback.Tab is null or "home"
            ? publisher.PublishAsync(user, force: true, cancellationToken)
            : Task.CompletedTask;
}
