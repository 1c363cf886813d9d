using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Schedule.Fair;

/// <summary>
/// After new time off (and the re-plan it caused): the slices its person would still hold while away, because they
/// are too close to re-plan or overridden, are now uncovered. Posts them to the channel as one coverage gap.
/// </summary>
public sealed class CoverageGapReporter(EffectiveSchedule schedule, Outbox outbox, TimeText timeText, TeamClock clock)
{
    /// <summary>The uncovered slices <paramref name="timeOff"/> leaves from now on; posts the gap when there are any.</summary>
    /// <remarks>Runs inside the unit of work that stores the time off, so both land together or not at all.</remarks>
    public IReadOnlyList<ScheduleSlice> Report(IStoreTransaction tx, TimeOff timeOff)
    {
        var now = clock.Now;
        var from = clock.ToInstant(timeOff.From, TimeOnly.MinValue);
        var to = clock.ToInstant(timeOff.To.AddDays(1), TimeOnly.MinValue);
        var gaps = schedule.Between(tx, from, to)
            .Where(s => s.IsUncovered && s.Away?.Id == timeOff.EngineerId && s.End > now)
            .ToList();
        if (gaps.Count > 0)
        {
            outbox.Enqueue(tx, GapMessage(timeOff, gaps, now));
        }

        return gaps;
    }

    private OutboxMessage GapMessage(TimeOff timeOff, List<ScheduleSlice> gaps, DateTimeOffset now)
    {
        var b = new ReplyBuilder().Heading("Coverage gap").Tone(ReplyTone.Warning);
        var who = gaps[0].Away!.Name;
        b.Text($"{who} is away {TimeText.ShortDate(timeOff.From)} – {TimeText.ShortDate(timeOff.To)} and these slots are too close to re-plan, so they are {SliceText.Uncovered}:");
        b.Table(
            ["Slot", "Role"],
            gaps.Select(s => (IReadOnlyList<string>)
            [
                $"{timeText.Instant(s.Start, now)} → {timeText.Instant(s.End, now)}",
                s.Role.ToString().ToLowerInvariant(),
            ]));
        b.Text("Until someone covers, pages go to the other on-call role first and the escalation chain continues as usual.");
        b.Context("A cover request for each slot is open in this channel: press Take it to cover it, or trade with ⟦oncall⟧ swap.");
        return new OutboxMessage { Id = $"coverage-gap:{timeOff.Id}", Kind = "coverage-gap", Reply = b.Build() with { InChannel = true } };
    }
}
