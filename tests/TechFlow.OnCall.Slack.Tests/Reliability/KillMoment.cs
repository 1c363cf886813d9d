namespace TechFlow.OnCall.Slack.Tests.Reliability;

/// <summary>When a trial kills the host.</summary>
public enum KillMoment
{
    /// <summary>Around the reminder: the post reaches Slack but is dropped unprocessed as the host dies.</summary>
    BeforeSend,

    /// <summary>Around the reminder: Slack posted it and is slow to answer; the host dies while waiting.</summary>
    DuringSlowSend,

    /// <summary>Around the reminder: Slack posted it; the host dies before it reads the answer and marks it sent.</summary>
    AfterSendBeforeMarking,

    /// <summary>During a burst of pages through POST /api/pages: at a random post, before or after Slack processed it.</summary>
    DuringPageBurst,
}
