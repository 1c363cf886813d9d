namespace TechFlow.OnCall.Slack.Api;

/// <summary><c>apps.*</c> methods, called with the app-level token (<c>xapp-…</c>).</summary>
public interface IAppsApi
{
    /// <summary><c>apps.connections.open</c>: a fresh Socket Mode WebSocket URL (each may be used once).</summary>
    Task<Uri> ConnectionsOpenAsync(CancellationToken cancellationToken);
}
