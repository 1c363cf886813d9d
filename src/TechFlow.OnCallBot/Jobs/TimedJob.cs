using Quartz;
using TechFlow.OnCall.Core.Announcements;

namespace TechFlow.OnCallBot.Jobs;

/// <summary>
/// Timed work and the job that runs it: <see cref="TimedTriggers"/> gives the job a one-shot trigger, in
/// <paramref name="Group"/>, at each instant <paramref name="Work"/> falls due.
/// </summary>
/// <param name="Window">How long after its instant a trigger may still fire (a misfire fires once within it); null: no limit.</param>
internal sealed record TimedJob(string Group, ITimedWork Work, JobKey Job, TimeSpan? Window)
{
    /// <summary>The trigger group of announcements (trigger name = the announcement's outbox key).</summary>
    public const string AnnouncementsGroup = "announcements";

    /// <summary>The trigger group of escalation steps (trigger name = <c>{page}:{level}:{round}</c>).</summary>
    public const string EscalationGroup = "page-escalation";
}
