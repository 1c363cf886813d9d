using System.Globalization;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation.Commands;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule.Fair;

namespace TechFlow.OnCall.Core.Schedule;

/// <summary><c>oncall fairness [year]</c>: per engineer counts and hours for who really held each role in a year, with spreads and lower bounds.</summary>
public sealed class FairnessHandler(
    EffectiveSchedule schedule,
    RosterService roster,
    TeamCalendar calendar,
    FairnessReporter reporter,
    DateArgument dates,
    TeamClock clock) : ICommandHandler
{
    public IReadOnlyList<string> Verbs { get; } = ["fairness", "fair"];

    public IReadOnlyList<HelpEntry> Help { get; } =
        [new("⟦oncall⟧ fairness [year]", "How evenly shifts, holidays and investor periods are shared, with the best possible spread.", "⟦oncall⟧ fairness 2027")];

    public ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!dates.TryYear(context.Words, context.Now, out var year))
        {
            return ValueTask.FromResult(Reply.Error($"I couldn't read \"{context.Args}\" as a year.", "For example: ⟦oncall⟧ fairness 2027"));
        }

        var report = Report(year);
        var b = new ReplyBuilder().Heading(string.Create(CultureInfo.InvariantCulture, $"On-call fairness, {year} ({report.Shifts} shifts)"));
        var rows = report.Engineers.Select(e => (IReadOnlyList<string>)
        [
            b.Mention(e.Engineer),
            .. FairnessCounts.All.Select(c => e[c].ToString(CultureInfo.InvariantCulture)),
            Hours(e.HoursInWorkingHours),
            Hours(e.HoursOutsideWorkingHours),
            Hours(e.HoursFromSwaps),
        ]).ToList();
        rows.Add(["Spread", .. report.Categories.Select(c => c.Spread.ToString(CultureInfo.InvariantCulture)), "", "", ""]);
        rows.Add(["Lower bound", .. report.Categories.Select(c => c.LowerBound.ToString(CultureInfo.InvariantCulture)), "", "", ""]);
        b.Table(["Engineer", "Primary", "Secondary", "Holiday", "Major holiday", "Investor period", "Hours in", "Hours out", "From swaps"], rows);
        foreach (var category in report.Categories.Where(c => c.Reason is not null))
        {
            b.Context($"{category.Category}: the best possible spread is {category.LowerBound} because of {category.Reason}.");
        }

        if (!report.AllAtLowerBound)
        {
            b.Context("Where a spread is above its bound, the plan is also evening out earlier years, or swaps changed it.");
        }

        var swapped = report.Engineers.Sum(e => e.HoursFromSwaps);
        b.Context(swapped > 0
            ? $"{Hours(swapped)} of the hours came from swaps and covers; each counts for the person who worked it."
            : "No hours came from swaps or covers.");
        b.Context($"Each shift counts for whoever held the role for most of it; a holiday for whoever was primary that day. Holiday, major-holiday and investor-period counts are primary windows. Working hours {TimeText.Time(clock.Settings.WorkdayStart)}–{TimeText.Time(clock.Settings.WorkdayEnd)} on business days.");
        return ValueTask.FromResult(b.Build());
    }

    /// <summary>The report over the effective schedule of the shifts that start in <paramref name="year"/> (team-local).</summary>
    public FairnessReport Report(int year)
    {
        var from = clock.ToInstant(new DateOnly(year, 1, 1), TimeOnly.MinValue);
        var to = clock.ToInstant(new DateOnly(year + 1, 1, 1), TimeOnly.MinValue);
        var shifts = schedule.Shifts(from, to).Where(s => s.Start >= from).ToList();
        var timeOff = calendar.TimeOff(new DateOnly(year, 1, 1).AddDays(-31), new DateOnly(year + 1, 1, 31));
        return reporter.Build(shifts, roster.Rotation(), timeOff);
    }

    private static string Hours(double hours) => Math.Round(hours).ToString("0", CultureInfo.InvariantCulture);
}
