using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.TeamChanges;

/// <summary>
/// Who owns a pipeline once an engineer leaves: the secondary owner steps up when the primary leaves, and the empty
/// seat goes to the most senior engineer still on the team who owns the fewest pipelines (then by id).
/// </summary>
public static class OwnershipHandover
{
    /// <summary>One pipeline's new owners and the sentence that says so.</summary>
    public sealed record Handover(Pipeline After, string Note);

    /// <summary>
    /// The pipelines <paramref name="leaverId"/> owns, with new owners; null when nobody is left to take one (the
    /// error names it).
    /// </summary>
    public static IReadOnlyList<Handover> Plan(
        IReadOnlyList<Engineer> engineers, IReadOnlyList<Pipeline> pipelines, string leaverId, DateOnly asOf, out string? error)
    {
        error = null;
        var names = engineers.ToDictionary(e => e.Id, e => e.Name);
        var active = engineers
            .Where(e => e.InRotation && e.Id != leaverId && (e.LeftOn is null || e.LeftOn > asOf))
            .ToList();
        var load = pipelines
            .SelectMany(p => new[] { p.PrimaryOwnerId, p.SecondaryOwnerId })
            .GroupBy(id => id)
            .ToDictionary(g => g.Key, g => g.Count());
        var result = new List<Handover>();
        foreach (var p in pipelines.Where(p => p.PrimaryOwnerId == leaverId || p.SecondaryOwnerId == leaverId).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var primary = p.PrimaryOwnerId == leaverId ? p.SecondaryOwnerId : p.PrimaryOwnerId;
            if (!active.Any(e => e.Id == primary))
            {
                primary = Pick(active, load, except: null);
            }

            var secondary = primary is null ? null : Pick(active, load, except: primary);
            if (primary is null || secondary is null)
            {
                error = $"{p.Name} would have no owner: fewer than two engineers would be left to own it.";
                return [];
            }

            load[primary] = load.GetValueOrDefault(primary) + 1;
            load[secondary] = load.GetValueOrDefault(secondary) + 1;
            result.Add(new Handover(
                p with { PrimaryOwnerId = primary, SecondaryOwnerId = secondary },
                $"{p.Name}: owners now {names[primary]} (primary) and {names[secondary]} (secondary)"));
        }

        return result;
    }

    private static string? Pick(List<Engineer> active, Dictionary<string, int> load, string? except) => active
        .Where(e => e.Id != except)
        .OrderByDescending(e => e.Seniority)
        .ThenBy(e => load.GetValueOrDefault(e.Id))
        .ThenBy(e => e.Id, StringComparer.Ordinal)
        .Select(e => e.Id)
        .FirstOrDefault();
}
