using System.Globalization;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Paging;

/// <summary><c>oncall stats [month]</c>: pages per pipeline, response and resolution medians against the targets, on-call load.</summary>
public sealed class PageStatsHandler(PageStatistics statistics, PipelineCatalog pipelines, RosterService roster, TeamClock clock) : ICommandHandler
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly string[] MonthFormats = ["yyyy-MM", "MMMM yyyy", "MMM yyyy", "MMMM", "MMM"];

    public IReadOnlyList<string> Verbs { get; } = ["stats"];

    public IReadOnlyList<HelpEntry> Help { get; } =
        [new("⟦oncall⟧ stats [month]", "Pages per pipeline, median time to acknowledge and resolve against the 15 min / 4 h targets, and on-call hours per engineer.", "⟦oncall⟧ stats 2026-11")];

    public ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var today = clock.LocalDate(context.Now);
        if (ParseMonth(context.Args, today) is not { } month)
        {
            return ValueTask.FromResult(Reply.Error($"I can't read \"{context.Args}\" as a month.", "For example: ⟦oncall⟧ stats 2026-11 or ⟦oncall⟧ stats november"));
        }

        var stats = statistics.Month(month.Year, month.Month);
        var b = new ReplyBuilder().Heading($"Paging stats for {month.ToString("MMMM yyyy", English)}");
        b.Text(stats.Pages == 0 ? "No pages this month." : $"{stats.Pages} {(stats.Pages == 1 ? "page" : "pages")}.");
        b.Field("Median time to acknowledge", Against(stats.MedianAcknowledge, PagingTargets.Acknowledge));
        b.Field("Median time to resolve", Against(stats.MedianResolve, PagingTargets.Resolve));
        if (stats.PerPipeline.Count > 0)
        {
            b.Table(
                ["Pipeline", "Pages", "Median ack", "Median resolve"],
                stats.PerPipeline.Select(p => (IReadOnlyList<string>)[
                    pipelines.Get(p.PipelineId)?.Name ?? p.PipelineId,
                    p.Pages.ToString(English),
                    Short(p.MedianAcknowledge),
                    Short(p.MedianResolve)]));
        }

        foreach (var load in stats.Load)
        {
            b.Text($"{b.Mention(roster.Find(load.EngineerId) ?? new Engineer { Id = load.EngineerId, Name = load.EngineerId })}: "
                + $"{load.PrimaryHours.ToString("0.#", English)} h primary, {load.SecondaryHours.ToString("0.#", English)} h secondary");
        }

        b.Context("On-call load counts the hours each person really held a role in the month (swaps, covers and time off applied; team time); targets: acknowledge within 15 minutes, resolve within 4 hours.");
        return ValueTask.FromResult(b.Build());
    }

    /// <summary>The month <paramref name="text"/> names: empty for this month, <c>2026-11</c>, <c>november</c>, <c>nov 2026</c>.</summary>
    public static DateOnly? ParseMonth(string text, DateOnly today)
    {
        var t = text.Trim();
        if (t.Length == 0 || t.Equals("this month", StringComparison.OrdinalIgnoreCase))
        {
            return new DateOnly(today.Year, today.Month, 1);
        }

        if (t.Equals("last month", StringComparison.OrdinalIgnoreCase))
        {
            return new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        }

        foreach (var format in MonthFormats)
        {
            if (DateTime.TryParseExact(t, format, English, DateTimeStyles.AllowWhiteSpaces, out var parsed))
            {
                var year = format.Contains('y', StringComparison.Ordinal) ? parsed.Year : today.Year;
                return new DateOnly(year, parsed.Month, 1);
            }
        }

        return null;
    }

    private static string Against(TimeSpan? median, TimeSpan target) => median is not { } m
        ? "no data"
        : $"{TimeText.Duration(m)} (target {TimeText.Duration(target)}: {(m <= target ? "met" : "missed")})";

    private static string Short(TimeSpan? span) => span is { } s ? TimeText.Duration(s) : "-";
}
