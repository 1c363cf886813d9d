using Humanizer;
using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Schedule.Fair;

/// <summary>The local search of a fair plan: moves that lower the objective, and the counts they change.</summary>
internal sealed partial class FairPlanner
{
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
