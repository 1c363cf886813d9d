namespace TechFlow.OnCall.Slack.SocketMode;

/// <summary>Why a Socket Mode connection stopped being the one to rely on.</summary>
public enum SocketModeEnding
{
    /// <summary>Closed, dropped, or its pongs stopped coming: reconnect after a backoff.</summary>
    Dropped = 0,

    /// <summary><c>disconnect</c> with <c>warning</c> or <c>refresh_requested</c>: open the next one now, let this one drain.</summary>
    Refresh = 1,

    /// <summary><c>disconnect</c> with <c>too_many_websockets</c>: wait the longest backoff before trying again.</summary>
    TooMany = 2,

    /// <summary><c>disconnect</c> with <c>link_disabled</c>: Socket Mode was turned off for the app; stop.</summary>
    Disabled = 3,

    /// <summary>The host is stopping.</summary>
    Stopping = 4,
}
