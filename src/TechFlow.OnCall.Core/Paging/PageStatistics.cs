using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Paging;

/// <summary>Paging numbers for one team-local month: pages, response and resolution times, and on-call load from the effective schedule (who really held each role).</summary>
public sealed class PageStatistics(IOnCallStore store, EffectiveSchedule schedule, TeamClock clock)
{
    public PagingMonth Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        var from = clock.ToInstant(first, TimeOnly.MinValue);
        var to = clock.ToInstant(first.AddMonths(1), TimeOnly.MinValue);
        var pages = store.Set<Page>().Find(p => p.OpenedAt >= from && p.OpenedAt < to);
        var perPipeline = pages
            .GroupBy(p => p.PipelineId)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PipelinePaging(g.Key, g.Count(), Median(g.Select(p => p.TimeToAcknowledge)), Median(g.Select(p => p.TimeToResolve))))
            .ToList();

        var load = new Dictionary<string, (double Primary, double Secondary)>();
        foreach (var slice in schedule.Between(from, to).Where(s => s.Holder is not null))
        {
            var hours = ((slice.End < to ? slice.End : to) - (slice.Start > from ? slice.Start : from)).TotalHours;
            var id = slice.Holder!.Id;
            var held = load.GetValueOrDefault(id);
            load[id] = slice.Role == ShiftRole.Primary ? (held.Primary + hours, held.Secondary) : (held.Primary, held.Secondary + hours);
        }

        return new PagingMonth(
            first,
            pages.Count,
            perPipeline,
            Median(pages.Select(p => p.TimeToAcknowledge)),
            Median(pages.Select(p => p.TimeToResolve)),
            [.. load.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => new OnCallLoad(l.Key, l.Value.Primary, l.Value.Secondary))]);
    }

    /// <summary>The median of the known values; null when there are none.</summary>
    public static TimeSpan? Median(IEnumerable<TimeSpan?> values)
    {
        var sorted = values.Where(v => v.HasValue).Select(v => v!.Value).Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
