using System.Collections.Concurrent;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.ReadModel;

/// <summary>
/// One immutable picture of what answers read: the roster, stakeholders, company holidays, the escalation policy and
/// the effective schedule's inputs, as committed when it was loaded.
/// </summary>
/// <remarks>
/// Thread-safe. Ids are looked up ignoring case, as the LiteDB store does. <see cref="Memo{TKey, TValue}"/> keeps values
/// derived from this snapshot alone (an investor period, the rotation), so they are dropped with it.
/// </remarks>
public sealed class ReadModelSnapshot
{
    private readonly Dictionary<string, Engineer> _engineers;
    private readonly Dictionary<string, Stakeholder> _stakeholders;
    private readonly ConcurrentDictionary<object, object> _memo = new();

    private ReadModelSnapshot(long generation, long? storeVersion, IReadOnlyList<Engineer> engineers, IReadOnlyList<Stakeholder> stakeholders, IReadOnlyList<Holiday> holidays, EscalationPolicy? policy, ScheduleFacts schedule)
    {
        Generation = generation;
        StoreVersion = storeVersion;
        Engineers = engineers;
        Stakeholders = stakeholders;
        CompanyHolidays = holidays;
        Policy = policy;
        Schedule = schedule;
        _engineers = ById(engineers, e => e.Id);
        _stakeholders = ById(stakeholders, s => s.Id);
    }

    /// <summary>Which commit count this snapshot reflects (see <see cref="OnCallReadModel"/>).</summary>
    public long Generation { get; }

    /// <summary>The store's commit version it was loaded at, where the store keeps one (see <see cref="IOnCallStore.CommitVersion"/>).</summary>
    public long? StoreVersion { get; }

    /// <summary>Every engineer, in the store's order.</summary>
    public IReadOnlyList<Engineer> Engineers { get; }

    public IReadOnlyList<Stakeholder> Stakeholders { get; }

    /// <summary>Stored (company) holidays, by date; federal holidays are computed by rule.</summary>
    public IReadOnlyList<Holiday> CompanyHolidays { get; }

    /// <summary>The stored escalation policy, or null when none is stored.</summary>
    public EscalationPolicy? Policy { get; }

    public ScheduleFacts Schedule { get; }

    public static ReadModelSnapshot Load(IStoreSets sets, TeamClock clock, long generation, long? storeVersion = null)
    {
        var engineers = sets.Set<Engineer>().All();
        return new ReadModelSnapshot(
            generation,
            storeVersion,
            engineers,
            sets.Set<Stakeholder>().All(),
            [.. sets.Set<Holiday>().All().OrderBy(h => h.Date)],
            sets.Set<EscalationPolicy>().Get(EscalationPolicy.DefaultId),
            ScheduleFacts.Load(sets, engineers, clock));
    }

    public Engineer? Engineer(string id) => _engineers.GetValueOrDefault(id);

    public Stakeholder? Stakeholder(string id) => _stakeholders.GetValueOrDefault(id);

    /// <summary>A value computed from this snapshot once, then kept with it.</summary>
    public TValue Memo<TKey, TValue>(TKey key, Func<TKey, TValue> compute)
        where TKey : notnull
        where TValue : notnull =>
        (TValue)_memo.GetOrAdd(key, static (k, c) => c((TKey)k), compute);

    private static Dictionary<string, T> ById<T>(IReadOnlyList<T> items, Func<T, string> id)
    {
        var map = new Dictionary<string, T>(items.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            map.TryAdd(id(item), item);
        }

        return map;
    }
}
