using Humanizer;
using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Schedule.Fair;

/// <summary>The working state of one fair plan: engineers and windows as indexes, counts in flat arrays.</summary>
internal sealed class FairPlanner
{
    private const int MaxPasses = 200;
    private const int Unfilled = -1;
    private static readonly FairnessCategory[] PrimaryCategories =
        [FairnessCategory.Holiday, FairnessCategory.MajorHoliday, FairnessCategory.InvestorPeriod];

    private readonly IReadOnlyList<Engineer> _people;
    private readonly IReadOnlyList<WindowFacts> _facts;
    private readonly ScheduleRules _rules;
    private readonly int[] _weights;
    private readonly int _n;
    private readonly int _w;
    private readonly bool[] _available;
    private readonly bool[] _fixed;
    private readonly int[] _primary;
    private readonly int[] _secondary;
    private readonly int[] _mask;
    private readonly long[] _counts;
    private readonly int[] _lastPrimary;
    private readonly int[] _lastSecondary;
    private readonly string?[] _problems;
    private readonly int _primaryBefore;

    public FairPlanner(
        IReadOnlyList<Engineer> people,
        IReadOnlyList<WindowFacts> facts,
        ScheduleRequest request,
        IReadOnlyDictionary<string, int[]> baseline,
        ScheduleRules rules,
        int[] weights)
    {
        _people = people;
        _facts = facts;
        _rules = rules;
        _weights = weights;
        _n = people.Count;
        _w = facts.Count;
        _available = new bool[_w * _n];
        _fixed = new bool[_w];
        _primary = new int[_w];
        _secondary = new int[_w];
        _mask = new int[_w];
        _counts = new long[_n * FairnessCounts.Categories];
        _lastPrimary = Enumerable.Repeat(int.MinValue / 2, _n).ToArray();
        _lastSecondary = Enumerable.Repeat(int.MinValue / 2, _n).ToArray();
        _problems = new string?[_w];
        Array.Fill(_primary, Unfilled);
        Array.Fill(_secondary, Unfilled);

        var index = people.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        for (var e = 0; e < _n; e++)
        {
            for (var c = 0; c < FairnessCounts.Categories; c++)
            {
                _counts[(e * FairnessCounts.Categories) + c] = baseline[people[e].Id][c];
            }
        }

        var timeOffByEngineer = request.TimeOff.Where(t => t.Approved).ToLookup(t => t.EngineerId);
        var fixedById = request.Fixed.ToDictionary(s => s.Id);
        for (var w = 0; w < _w; w++)
        {
            var f = facts[w];
            foreach (var category in PrimaryCategories)
            {
                if (f.Counts(category))
                {
                    _mask[w] |= 1 << (int)category;
                }
            }

            for (var e = 0; e < _n; e++)
            {
                _available[(w * _n) + e] = ScheduleRules.IsAvailable(people[e], f, timeOffByEngineer[people[e].Id]);
            }

            if (fixedById.TryGetValue(f.Window.Id, out var kept))
            {
                _fixed[w] = true;
                _primary[w] = index.GetValueOrDefault(kept.PrimaryId, Unfilled);
                _secondary[w] = index.GetValueOrDefault(kept.SecondaryId, Unfilled);
                Apply(w, _primary[w], _secondary[w], 1);
            }
        }

        var last = request.History.Count > 0 ? request.History[^1] : null;
        _primaryBefore = last is not null && _w > 0 && last.End >= facts[0].Window.Start
            ? index.GetValueOrDefault(last.PrimaryId, Unfilled)
            : Unfilled;
    }

    public int PrimaryAt(int w) => _primary[w];

    public int SecondaryAt(int w) => _secondary[w];

    public string? Problem(int w) => _primary[w] == Unfilled ? _problems[w] ?? "no engineer could be assigned" : null;

    /// <summary>Fills the open windows in order, cheapest engineer first, keeping the next window fillable.</summary>
    public void Fill()
    {
        var order = new int[_n];
        for (var w = 0; w < _w; w++)
        {
            if (_fixed[w])
            {
                Touch(w);
                continue;
            }

            for (var e = 0; e < _n; e++)
            {
                order[e] = e;
            }

            Array.Sort(order, (a, b) => ComparePrimary(w, a, b));
            (int P, int S)? fallback = null;
            (int P, int S)? chosen = null;
            foreach (var p in order)
            {
                if (!CanBePrimary(w, p))
                {
                    continue;
                }

                var s = BestSecondary(w, p);
                if (s == Unfilled)
                {
                    continue;
                }

                fallback ??= (p, s);
                if (w + 1 < _w && !_fixed[w + 1] && !Fillable(w + 1, p))
                {
                    continue;
                }

                chosen = (p, s);
                break;
            }

            chosen ??= fallback;
            if (chosen is { } pick)
            {
                _primary[w] = pick.P;
                _secondary[w] = pick.S;
                Apply(w, pick.P, pick.S, 1);
                Touch(w);
            }
            else
            {
                _problems[w] = Explain(w);
            }
        }
    }

    /// <summary>Local search: role reassignments and primary swaps between windows while the objective falls.</summary>
    public void Improve()
    {
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var improved = false;
            for (var w = 0; w < _w; w++)
            {
                if (_fixed[w] || _primary[w] == Unfilled)
                {
                    continue;
                }

                for (var x = 0; x < _n; x++)
                {
                    var p = _primary[w];
                    var s = _secondary[w];
                    if (x != p)
                    {
                        improved |= x == s ? TryChange(w, s, p) : TryChange(w, x, s);
                    }

                    p = _primary[w];
                    s = _secondary[w];
                    if (x != p && x != s)
                    {
                        improved |= TryChange(w, p, x);
                    }
                }
            }

            for (var a = 0; a < _w; a++)
            {
                if (_fixed[a] || _primary[a] == Unfilled)
                {
                    continue;
                }

                for (var b = a + 1; b < _w; b++)
                {
                    if (!_fixed[b] && _primary[b] != Unfilled && _mask[a] != _mask[b] && _primary[a] != _primary[b])
                    {
                        improved |= TrySwapPrimaries(a, b);
                    }
                }
            }

            if (!improved)
            {
                return;
            }
        }
    }

    private bool TryChange(int w, int p, int s)
    {
        var oldP = _primary[w];
        var oldS = _secondary[w];
        _primary[w] = p;
        _secondary[w] = s;
        if (!Valid(w))
        {
            _primary[w] = oldP;
            _secondary[w] = oldS;
            return false;
        }

        var before = Objective(oldP, oldS, p, s);
        Apply(w, oldP, oldS, -1);
        Apply(w, p, s, 1);
        if (Objective(oldP, oldS, p, s) < before)
        {
            return true;
        }

        Apply(w, p, s, -1);
        Apply(w, oldP, oldS, 1);
        _primary[w] = oldP;
        _secondary[w] = oldS;
        return false;
    }

    private bool TrySwapPrimaries(int a, int b)
    {
        var pa = _primary[a];
        var pb = _primary[b];
        _primary[a] = pb;
        _primary[b] = pa;
        if (!Valid(a) || !Valid(b))
        {
            _primary[a] = pa;
            _primary[b] = pb;
            return false;
        }

        var before = Objective(pa, pb, pa, pb);
        Apply(a, pa, _secondary[a], -1);
        Apply(b, pb, _secondary[b], -1);
        Apply(a, pb, _secondary[a], 1);
        Apply(b, pa, _secondary[b], 1);
        if (Objective(pa, pb, pa, pb) < before)
        {
            return true;
        }

        Apply(a, pb, _secondary[a], -1);
        Apply(b, pa, _secondary[b], -1);
        Apply(a, pa, _secondary[a], 1);
        Apply(b, pb, _secondary[b], 1);
        _primary[a] = pa;
        _primary[b] = pb;
        return false;
    }

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

    private void Touch(int w)
    {
        if (_primary[w] != Unfilled)
        {
            _lastPrimary[_primary[w]] = w;
        }

        if (_secondary[w] != Unfilled)
        {
            _lastSecondary[_secondary[w]] = w;
        }
    }

    private long Count(int e, FairnessCategory category) => _counts[(e * FairnessCounts.Categories) + (int)category];

    private void Apply(int w, int p, int s, int sign)
    {
        if (p != Unfilled)
        {
            _counts[(p * FairnessCounts.Categories) + (int)FairnessCategory.Primary] += sign;
            foreach (var category in PrimaryCategories)
            {
                if ((_mask[w] & (1 << (int)category)) != 0)
                {
                    _counts[(p * FairnessCounts.Categories) + (int)category] += sign;
                }
            }
        }

        if (s != Unfilled)
        {
            _counts[(s * FairnessCounts.Categories) + (int)FairnessCategory.Secondary] += sign;
        }
    }

    /// <summary>The weighted sum of squared counts of the (up to four) engineers a move touches.</summary>
    private long Objective(int a, int b, int c, int d)
    {
        Span<int> touched = [a, b, c, d];
        var total = 0L;
        for (var i = 0; i < touched.Length; i++)
        {
            var e = touched[i];
            if (e == Unfilled || touched[..i].Contains(e))
            {
                continue;
            }

            for (var k = 0; k < FairnessCounts.Categories; k++)
            {
                var value = _counts[(e * FairnessCounts.Categories) + k];
                total += _weights[k] * value * value;
            }
        }

        return total;
    }
}
