using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Schedule.Fair;

/// <summary>
/// After new time off: re-plans the non-frozen future, then posts any shift the person still holds during
/// their time off (frozen or overridden) to the channel as a coverage gap, offering a cover or a swap.
/// </summary>
public sealed class CoverageGapReporter(IOnCallStore store, ScheduleRegenerator regenerator, Outbox outbox, RosterService roster, TeamClock clock)
{
    public (RegenerationResult Regeneration, IReadOnlyList<Shift> Gaps) TimeOffAdded(TimeOff timeOff)
    {
        var regeneration = regenerator.Regenerate();
        var engineerId = timeOff.EngineerId;
        var from = clock.ToInstant(timeOff.From, TimeOnly.MinValue);
        var to = clock.ToInstant(timeOff.To.AddDays(1), TimeOnly.MinValue);
        var gaps = store.Set<Shift>()
            .Find(s => s.End > from && s.Start < to && (s.PrimaryId == engineerId || s.SecondaryId == engineerId))
            .OrderBy(s => s.Start)
            .ToList();
        if (gaps.Count > 0)
        {
            outbox.Enqueue(GapMessage(timeOff, gaps));
        }

        return (regeneration, gaps);
    }

    private OutboxMessage GapMessage(TimeOff timeOff, IReadOnlyList<Shift> gaps)
    {
        var b = new ReplyBuilder().Heading("Coverage gap").Tone(ReplyTone.Warning);
        var who = b.Mention(roster.Find(timeOff.EngineerId));
        b.Text($"{who} is away {TimeText.ShortDate(timeOff.From)} – {TimeText.ShortDate(timeOff.To)} but still holds shifts that are too close to re-plan:");
        b.Table(
            ["Shift", "Role"],
            gaps.Select(s => (IReadOnlyList<string>)
            [
                $"{TimeText.ShortDate(clock.LocalDate(s.Start))} – {TimeText.ShortDate(clock.LocalDate(s.End))}",
                s.PrimaryId == timeOff.EngineerId ? "primary" : "secondary",
            ]));
        b.Context($"Cover it with /oncall cover {timeOff.From:yyyy-MM-dd} {timeOff.To:yyyy-MM-dd}, or trade with /oncall swap.");
        return new OutboxMessage { Id = $"coverage-gap:{timeOff.Id}", Kind = "coverage-gap", Reply = b.Build() with { InChannel = true } };
    }
}
