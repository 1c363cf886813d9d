using Humanizer;
using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Schedule.Fair;

/// <summary>The rules of a fair plan: who may hold a window, who costs least, and why a window stays open.</summary>
internal sealed partial class FairPlanner
{
    private bool Valid(int w)
    {
        var p = _primary[w];
        var s = _secondary[w];
        return p != Unfilled && s != Unfilled && p != s
            && _available[(w * _n) + p] && _available[(w * _n) + s]
            && PrimaryBefore(w) != p && PrimaryAfter(w) != p
            && _rules.SeniorityAllows(_people[p], _people[s], _facts[w]);
    }

    private bool CanBePrimary(int w, int p) =>
        _available[(w * _n) + p] && PrimaryBefore(w) != p && PrimaryAfter(w) != p;

    private int PrimaryBefore(int w) => w == 0 ? _primaryBefore : _primary[w - 1];

    private int PrimaryAfter(int w) => w + 1 < _w ? _primary[w + 1] : Unfilled;

    private int BestSecondary(int w, int p)
    {
        var best = Unfilled;
        for (var s = 0; s < _n; s++)
        {
            if (s == p || !_available[(w * _n) + s] || !_rules.SeniorityAllows(_people[p], _people[s], _facts[w]))
            {
                continue;
            }

            if (best == Unfilled || CompareSecondary(s, best) < 0)
            {
                best = s;
            }
        }

        return best;
    }

    /// <summary>True when window <paramref name="w"/> still has a valid pair if <paramref name="previous"/> is primary before it.</summary>
    private bool Fillable(int w, int previous)
    {
        for (var p = 0; p < _n; p++)
        {
            if (p == previous || !_available[(w * _n) + p] || PrimaryAfter(w) == p)
            {
                continue;
            }

            for (var s = 0; s < _n; s++)
            {
                if (s != p && _available[(w * _n) + s] && _rules.SeniorityAllows(_people[p], _people[s], _facts[w]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private string Explain(int w)
    {
        var free = Enumerable.Range(0, _n).Where(e => _available[(w * _n) + e]).ToList();
        var away = Enumerable.Range(0, _n).Where(e => !_available[(w * _n) + e]).Select(e => _people[e].Name).ToList();
        if (free.Count < 2)
        {
            return $"only {"engineer".ToQuantity(free.Count)} free; away or not yet joined: {string.Join(", ", away)}";
        }

        var primaries = free.Where(p => PrimaryBefore(w) != p && PrimaryAfter(w) != p).ToList();
        if (primaries.Count == 0)
        {
            return $"everyone free ({string.Join(", ", free.Select(e => _people[e].Name))}) is primary in the window before or after";
        }

        return _rules.NeedsExperiencedSecondary(_people[primaries[0]], _facts[w])
            ? $"seniority rule: the free primaries ({string.Join(", ", primaries.Select(e => _people[e].Name))}) are junior and no senior or mid-level engineer is free as secondary"
            : "no pair of free engineers keeps every rule";
    }

    private int ComparePrimary(int w, int a, int b)
    {
        var byCost = PrimaryCost(w, a).CompareTo(PrimaryCost(w, b));
        return byCost != 0 ? byCost : _lastPrimary[a] != _lastPrimary[b] ? _lastPrimary[a].CompareTo(_lastPrimary[b]) : a.CompareTo(b);
    }

    private int CompareSecondary(int a, int b)
    {
        var byCount = Count(a, FairnessCategory.Secondary).CompareTo(Count(b, FairnessCategory.Secondary));
        return byCount != 0 ? byCount : _lastSecondary[a] != _lastSecondary[b] ? _lastSecondary[a].CompareTo(_lastSecondary[b]) : a.CompareTo(b);
    }

    private long PrimaryCost(int w, int e)
    {
        var cost = _weights[(int)FairnessCategory.Primary] * ((2 * Count(e, FairnessCategory.Primary)) + 1);
        foreach (var category in PrimaryCategories)
        {
            if ((_mask[w] & (1 << (int)category)) != 0)
            {
                cost += _weights[(int)category] * ((2 * Count(e, category)) + 1);
            }
        }

        return cost;
    }

    private long Count(int e, FairnessCategory category) => _counts[(e * FairnessCounts.Categories) + (int)category];
}
