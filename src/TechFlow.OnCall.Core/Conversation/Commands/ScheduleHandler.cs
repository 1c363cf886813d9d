using System.Globalization;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;

namespace TechFlow.OnCall.Core.Conversation.Commands;

/// <summary><c>/oncall schedule [N weeks]</c>: upcoming shifts, with overrides, holidays and investor periods marked.</summary>
public sealed class ScheduleHandler(
    ScheduleService schedule,
    ShiftCalendar shifts,
    RosterService roster,
    TeamCalendar calendar,
    TeamClock clock) : ICommandHandler
{
    private const int MaxWeeks = 26;

    public IReadOnlyList<string> Verbs { get; } = ["schedule", "rota", "rotation", "upcoming"];

    public IReadOnlyList<HelpEntry> Help { get; } =
        [new("/oncall schedule [N weeks]", "Upcoming shifts (default 4), marking holidays and month-end investor periods.", "/oncall schedule 8 weeks")];

    public ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var words = context.Words;
        var count = 4;
        if (words.Count > 0 && !int.TryParse(words[0], NumberStyles.None, CultureInfo.InvariantCulture, out count))
        {
            return ValueTask.FromResult(Reply.Error($"I couldn't read \"{context.Args}\" as a number of weeks.", "For example: /oncall schedule 8 weeks"));
        }

        count = Math.Clamp(count, 1, MaxWeeks);
        var windows = shifts.Windows(context.Now, count);
        var stored = schedule.Shifts(windows[0].Start, windows[^1].End).ToDictionary(s => s.Id);
        var overrides = schedule.Overrides(windows[0].Start, windows[^1].End);
        var b = new ReplyBuilder().Heading($"On-call schedule, next {count} shift{(count == 1 ? "" : "s")}");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var window in windows)
        {
            var lastDay = clock.LocalDate(window.End);
            if (!stored.TryGetValue(window.Id, out var shift))
            {
                rows.Add([Span(window, lastDay), "not planned", "", ""]);
                continue;
            }

            var notes = new List<string>();
            notes.AddRange(calendar.Holidays(window.LocalStart, lastDay).Select(h => h.Name));
            if (Enumerable.Range(0, lastDay.DayNumber - window.LocalStart.DayNumber + 1)
                .Any(d => calendar.IsInvestorPeriod(window.LocalStart.AddDays(d))))
            {
                notes.Add("investor period");
            }

            foreach (var o in overrides.Where(o => o.Start < window.End && o.End > window.Start))
            {
                notes.Add($"{o.Role.ToString().ToLowerInvariant()} override: {b.Mention(roster.Find(o.EngineerId))} {TimeText.ShortDate(clock.LocalDate(o.Start))}–{TimeText.ShortDate(clock.LocalDate(o.End))}");
            }

            rows.Add([Span(window, lastDay), b.Mention(roster.Find(shift.PrimaryId)), b.Mention(roster.Find(shift.SecondaryId)), string.Join("; ", notes)]);
        }

        b.Table(["Shift", "Primary", "Secondary", "Notes"], rows);
        b.Context($"Handoff {clock.Settings.HandoffDay} {TimeText.Time(clock.Settings.HandoffTime)} {clock.Zone.Id}.");
        return ValueTask.FromResult(b.Build());
    }

    private static string Span(ShiftWindow window, DateOnly lastDay) => $"{TimeText.ShortDate(window.LocalStart)} – {TimeText.ShortDate(lastDay)}";
}
