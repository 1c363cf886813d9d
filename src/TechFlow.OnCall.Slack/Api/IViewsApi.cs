using System.Text.Json.Nodes;

namespace TechFlow.OnCall.Slack.Api;

/// <summary><c>views.*</c> methods: modals and the App Home tab.</summary>
public interface IViewsApi
{
    /// <summary><c>views.open</c>: opens a modal for the person whose action gave <paramref name="triggerId"/> (valid 3 s, once).</summary>
    Task<string> OpenAsync(string triggerId, JsonObject view, CancellationToken cancellationToken);

    /// <summary><c>views.update</c>: replaces an open modal; <paramref name="hash"/> (when given) refuses a stale update.</summary>
    Task UpdateAsync(string viewId, string? hash, JsonObject view, CancellationToken cancellationToken);

    /// <summary><c>views.publish</c>: replaces <paramref name="userId"/>'s Home tab.</summary>
    Task PublishAsync(string userId, JsonObject view, CancellationToken cancellationToken);
}
