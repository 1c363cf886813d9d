using System.Globalization;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation.Commands;
using TechFlow.OnCall.Core.Conversation;

namespace TechFlow.OnCall.Core.Schedule;

/// <summary>
/// <c>oncall schedule [N weeks]</c>: upcoming shifts as they really are. A shift in which a role changes hands (a
/// cover, time off) has one row per stretch; the planned person is in the notes, with holidays and investor periods.
/// </summary>
public sealed class ScheduleHandler(
    EffectiveSchedule schedule,
    ShiftCalendar shifts,
    TeamCalendar calendar,
    TeamClock clock) : ICommandHandler
{
    private const int MaxWeeks = 26;

    public IReadOnlyList<string> Verbs { get; } = ["schedule", "rota", "rotation", "upcoming"];

    public IReadOnlyList<HelpEntry> Help { get; } =
        [new("⟦oncall⟧ schedule [N weeks]", "Upcoming shifts (default 4) as they really are, marking covers, gaps, holidays and month-end investor periods.", "⟦oncall⟧ schedule 8 weeks")];

    public ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var words = context.Words;
        var count = 4;
        if (words.Count > 0 && !int.TryParse(words[0], NumberStyles.None, CultureInfo.InvariantCulture, out count))
        {
            return ValueTask.FromResult(Reply.Error($"I couldn't read \"{context.Args}\" as a number of weeks.", "For example: ⟦oncall⟧ schedule 8 weeks"));
        }

        count = Math.Clamp(count, 1, MaxWeeks);
        var windows = shifts.Windows(context.Now, count);
        var effective = schedule.Shifts(windows[0].Start, windows[^1].End).ToDictionary(s => s.Id);
        var b = new ReplyBuilder().Heading($"On-call schedule, next {count} shift{(count == 1 ? "" : "s")}");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var window in windows)
        {
            var lastDay = clock.LocalDate(window.End);
            if (!effective.TryGetValue(window.Id, out var shift))
            {
                rows.Add([Span(window.Start, window.End), "not planned", "", ""]);
                continue;
            }

            var facts = new List<string>();
            facts.AddRange(calendar.Holidays(window.LocalStart, lastDay).Select(h => h.Name));
            if (Enumerable.Range(0, lastDay.DayNumber - window.LocalStart.DayNumber + 1)
                .Any(d => calendar.IsInvestorPeriod(window.LocalStart.AddDays(d))))
            {
                facts.Add("investor period");
            }

            foreach (var segment in shift.Segments())
            {
                var notes = new List<string>(facts);
                notes.AddRange(new[] { segment.Primary, segment.Secondary }.Select(SliceText.Note).OfType<string>());
                rows.Add([Span(segment.Start, segment.End), SliceText.Who(b, segment.Primary), SliceText.Who(b, segment.Secondary), string.Join("; ", notes)]);
            }
        }

        b.Table(["Shift", "Primary", "Secondary", "Notes"], rows);
        if (effective.Values.Any(s => s.AllSlices().Any(x => x.IsUncovered)))
        {
            b.Tone(ReplyTone.Warning).Context("An uncovered slot pages the other role first. Take it with the Take it button on its cover request, or ⟦oncall⟧ swaps.");
        }

        b.Context($"Handoff {clock.Settings.HandoffDay} {TimeText.Time(clock.Settings.HandoffTime)} {clock.Zone.Id}.");
        return ValueTask.FromResult(b.Build());
    }

    /// <summary>"Fri Nov 20 – Fri Nov 27" at handoffs; with the time when a stretch starts or ends between them.</summary>
    private string Span(DateTimeOffset start, DateTimeOffset end) => $"{Point(start)} – {Point(end)}";

    private string Point(DateTimeOffset instant)
    {
        var local = clock.ToLocal(instant);
        var date = TimeText.ShortDate(DateOnly.FromDateTime(local));
        return TimeOnly.FromDateTime(local) == clock.Settings.HandoffTime ? date : $"{date} {TimeText.Time(TimeOnly.FromDateTime(local))}";
    }
}
