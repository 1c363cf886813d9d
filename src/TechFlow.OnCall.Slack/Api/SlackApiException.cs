namespace TechFlow.OnCall.Slack.Api;

/// <summary>A Web API call failed; <see cref="ErrorCode"/> is Slack's code (<c>channel_not_found</c>, …) or <c>http_NNN</c>.</summary>
public class SlackApiException : Exception
{
    public SlackApiException()
        : this("unknown_error")
    {
    }

    public SlackApiException(string errorCode)
        : this(errorCode, null)
    {
    }

    public SlackApiException(string errorCode, Exception? innerException)
        : base($"Slack API error: {errorCode}", innerException)
    {
        ErrorCode = errorCode;
    }

    public string ErrorCode { get; } = "unknown_error";

    /// <summary>True when trying again later may succeed (server errors, timeouts, Slack's transient codes).</summary>
    public bool IsTransient => ErrorCode.StartsWith("http_5", StringComparison.Ordinal)
        || ErrorCode is "timeout" or "network_error" or "ratelimited" or "internal_error" or "fatal_error"
            or "service_unavailable" or "request_timeout";
}
