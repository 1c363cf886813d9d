using Humanizer;
using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Schedule.Fair;

/// <summary>The working state of one fair plan: engineers and windows as indexes, counts in flat arrays.</summary>
internal sealed partial class FairPlanner
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
}
