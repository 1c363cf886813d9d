namespace TechFlow.OnCall.Slack.Api;

/// <summary>Slack answered 429 and the retries ran out; call again after <see cref="RetryAfter"/>.</summary>
public sealed class SlackRateLimitException : SlackApiException
{
    public SlackRateLimitException()
        : this(TimeSpan.FromSeconds(1))
    {
    }

    public SlackRateLimitException(TimeSpan retryAfter)
        : base("ratelimited")
    {
        RetryAfter = retryAfter;
    }

    public SlackRateLimitException(string errorCode)
        : base(errorCode)
    {
        RetryAfter = TimeSpan.FromSeconds(1);
    }

    public SlackRateLimitException(string errorCode, Exception? innerException)
        : base(errorCode, innerException)
    {
        RetryAfter = TimeSpan.FromSeconds(1);
    }

    public TimeSpan RetryAfter { get; }
}
