using Humanizer;
using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Schedule;

/// <summary>
/// The seeds' plain rotation: engineer k is primary in week k and secondary in week k+1, skipping anyone on
/// time off. Simple and predictable, but not fair about holidays; the fair generator replaces it.
/// </summary>
public sealed class RoundRobinGenerator(TimeProvider time) : IScheduleGenerator
{
    public string Name => "round-robin";

    public SchedulePlan Generate(ScheduleRequest request)
    {
        var people = request.Engineers.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var shifts = new List<Shift>();
        var problems = new List<ScheduleProblem>();
        if (people.Count < 2)
        {
            return new SchedulePlan([], [.. request.Windows.Select(w => new ScheduleProblem(w, "fewer than two engineers are in the rotation"))]);
        }

        var fixedById = request.Fixed.ToDictionary(s => s.Id);
        var lastPrimary = request.History.LastOrDefault()?.PrimaryId;
        var next = lastPrimary is null ? 0 : (people.FindIndex(p => p.Id == lastPrimary) + 1) % people.Count;
        foreach (var window in request.Windows)
        {
            if (fixedById.TryGetValue(window.Id, out var kept))
            {
                shifts.Add(kept);
                lastPrimary = kept.PrimaryId;
                next = (people.FindIndex(p => p.Id == lastPrimary) + 1) % people.Count;
                continue;
            }

            var available = Enumerable.Range(0, people.Count)
                .Select(i => people[(next + i) % people.Count])
                .Where(e => IsFree(e, window, request))
                .ToList();
            var primary = available.FirstOrDefault(e => e.Id != lastPrimary);
            var secondary = available.FirstOrDefault(e => e.Id != primary?.Id);
            if (primary is null || secondary is null)
            {
                problems.Add(new ScheduleProblem(window, $"only {"engineer".ToQuantity(available.Count)} {(available.Count == 1 ? "is" : "are")} free from {window.LocalStart}"));
                continue;
            }

            shifts.Add(new Shift
            {
                Id = window.Id,
                Start = window.Start,
                End = window.End,
                PrimaryId = primary.Id,
                SecondaryId = secondary.Id,
                PlannedAt = time.GetUtcNow(),
                Source = Name,
            });
            lastPrimary = primary.Id;
            next = (people.IndexOf(primary) + 1) % people.Count;
        }

        return new SchedulePlan(shifts, problems);
    }

    private static bool IsFree(Engineer engineer, ShiftWindow window, ScheduleRequest request)
    {
        var lastDay = DateOnly.FromDateTime(window.End.UtcDateTime);
        return (engineer.JoinedOn is null || engineer.JoinedOn <= window.LocalStart)
            && !request.TimeOff.Any(t => t.EngineerId == engineer.Id && t.Overlaps(window.LocalStart, lastDay));
    }
}
