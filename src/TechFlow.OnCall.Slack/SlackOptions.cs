namespace TechFlow.OnCall.Slack;

/// <summary>Configuration section <c>Slack</c>. Without a signing secret the Slack routes answer 404.</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>App settings → Basic Information → Signing Secret. Verifies every request from Slack.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The bot token (<c>xoxb-…</c>) for the Web API; without it nothing is posted to Slack.</summary>
    public string? BotToken { get; set; }

    /// <summary>
    /// The app-level token (<c>xapp-…</c> with <c>connections:write</c>). Set, the app receives commands, buttons and
    /// events over Socket Mode WebSockets and needs no public URL.
    /// </summary>
    public string? AppToken { get; set; }

    /// <summary>How many Socket Mode connections to keep open at once (Slack allows 10); two keep one open across a refresh.</summary>
    public int SocketConnections { get; set; } = 2;

    /// <summary>How often a Socket Mode connection pings Slack; a pong missing for as long again drops and reopens it.</summary>
    public TimeSpan SocketKeepAlive { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between attempts to reopen a Socket Mode connection (the wait doubles from 1 s).</summary>
    public TimeSpan SocketMaxBackoff { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The Web API base URL (a fake Slack in tests).</summary>
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>The channel id (<c>C…</c>) for announcements that name no channel of their own.</summary>
    public string? AnnouncementChannel { get; set; }

    /// <summary>Keep <see cref="AnnouncementChannel"/>'s topic naming the current on-call pair.</summary>
    public bool KeepTopic { get; set; }

    /// <summary>A user group id (<c>S…</c>, for example @data-oncall) kept pointing at the current on call; off when empty.</summary>
    public string? UserGroupId { get; set; }

    /// <summary>Requests with a larger body are refused with 413 before their signature is checked.</summary>
    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>How long a slash command may take before it is acknowledged and finished through response_url.</summary>
    public TimeSpan InlineAnswerBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long one Web API call may take. A call that posts or changes something gets one attempt and is retried by
    /// the outbox only; a read is retried on server errors within this time.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when inbound requests can be verified.</summary>
    public bool InboundEnabled => !string.IsNullOrEmpty(SigningSecret);

    /// <summary>True when requests arrive over Socket Mode.</summary>
    public bool SocketModeEnabled => !string.IsNullOrEmpty(AppToken);

    /// <summary>True when the Web API can be called.</summary>
    public bool OutboundEnabled => !string.IsNullOrEmpty(BotToken);
}
