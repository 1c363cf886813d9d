using System.Globalization;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Calendar;

/// <summary>Validates and stores approved time off (inside a caller's unit of work) and company holidays: bad input stores nothing.</summary>
public sealed class TimeOffService(IOnCallStore store, TeamClock clock)
{
    /// <summary>The longest single stretch of time off accepted.</summary>
    public const int MaxDays = 366;

    /// <summary>May <paramref name="asker"/> manage the time off of <paramref name="targetId"/>? Themselves, or a manager or admin.</summary>
    public static bool MayManage(Engineer asker, string targetId) => asker.Id == targetId || asker.IsManager || asker.IsAdmin;

    /// <summary>Why this time off cannot be recorded (bad dates, not in the rotation), or null when it can.</summary>
    public string? Invalid(Engineer target, DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return $"The end date {to:yyyy-MM-dd} is before the start date {from:yyyy-MM-dd}.";
        }

        if (to < clock.Today)
        {
            return $"That time off ({from:yyyy-MM-dd} to {to:yyyy-MM-dd}) is already over.";
        }

        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            return $"Time off is limited to {MaxDays} days at a time.";
        }

        return target.InRotation ? null : $"{target.Name} is not in the on-call rotation.";
    }

    /// <summary>
    /// Stores time off inside <paramref name="tx"/> after <see cref="Invalid"/> passed; refuses an overlap. Time off is
    /// added only together with what it causes (<see cref="Swaps.TimeOffCoverage"/>).
    /// </summary>
    public TimeOffOutcome Add(IStoreTransaction tx, Engineer target, DateOnly from, DateOnly to, string reason, string createdBy)
    {
        var record = new TimeOff
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"{from:yyyyMMdd}-{target.Id}"),
            EngineerId = target.Id,
            From = from,
            To = to,
            Reason = reason.Trim(),
            CreatedAt = clock.Now,
        };
        var targetId = target.Id;
        var set = tx.Set<TimeOff>();
        if (set.Find(t => t.EngineerId == targetId).Any(t => t.Overlaps(from, to)))
        {
            return TimeOffOutcome.Fail($"{target.Name} already has time off overlapping {from:yyyy-MM-dd} to {to:yyyy-MM-dd}; remove it first.");
        }

        return set.TryInsert(record) ? new TimeOffOutcome(record, null, null) : TimeOffOutcome.Fail("That time off already exists.");
    }

    /// <summary>Time off that has not ended yet, for one engineer or everyone, by start date.</summary>
    public IReadOnlyList<TimeOff> Upcoming(string? engineerId)
    {
        var today = clock.Today;
        return [.. store.Set<TimeOff>().Find(t => t.To >= today)
            .Where(t => engineerId is null || t.EngineerId == engineerId)
            .OrderBy(t => t.From)];
    }

    public TimeOff? Find(string id) => store.Set<TimeOff>().Get(id);

    /// <summary>Removes time off that <paramref name="asker"/> may manage.</summary>
    public TimeOffOutcome Remove(Engineer asker, string id) => store.Write(tx =>
    {
        var existing = tx.Set<TimeOff>().Get(id);
        if (existing is null)
        {
            return TimeOffOutcome.Fail($"There is no time off with id \"{id}\". ⟦oncall⟧ timeoff list shows the ids.");
        }

        if (!MayManage(asker, existing.EngineerId))
        {
            return TimeOffOutcome.Fail("Only the person themselves, a manager or an admin can remove that time off.");
        }

        tx.Set<TimeOff>().Delete(id);
        return new TimeOffOutcome(existing, null, null);
    });

    /// <summary>Stores a company holiday (id <c>company:yyyy-MM-dd</c>).</summary>
    public TimeOffOutcome AddCompanyHoliday(DateOnly date, string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return TimeOffOutcome.Fail("A company holiday needs a name, for example: ⟦oncall⟧ holidays add 2026-12-24 Christmas Eve");
        }

        var holiday = new Holiday
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"company:{date:yyyy-MM-dd}"),
            Name = name.Trim(),
            Date = date,
            Actual = date,
            IsCompany = true,
        };
        return store.Write(tx => tx.Set<Holiday>().TryInsert(holiday)
            ? new TimeOffOutcome(null, holiday, null)
            : TimeOffOutcome.Fail($"There is already a company holiday on {date:yyyy-MM-dd}."));
    }
}
