using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Schedule.Fair;

/// <summary>
/// The hard rules: nobody on call during approved time off or before joining, primary and secondary differ,
/// nobody primary in two consecutive windows, and the configured seniority rule.
/// </summary>
public sealed class ScheduleRules(FairScheduleOptions options)
{
    public SeniorityRule SeniorityRule => options.SeniorityRule;

    /// <summary>
    /// True when <paramref name="engineer"/> has joined, has not left by the window's last day, and has no approved
    /// time off on any day the window touches.
    /// </summary>
    public static bool IsAvailable(Engineer engineer, WindowFacts window, IEnumerable<TimeOff> timeOff) =>
        (engineer.JoinedOn is null || engineer.JoinedOn <= window.FirstDay)
        && (engineer.LeftOn is null || engineer.LeftOn > window.LastDay)
        && !timeOff.Any(t => t.Approved && t.EngineerId == engineer.Id && t.Overlaps(window.FirstDay, window.LastDay));

    /// <summary>True when the seniority rule requires a senior or mid-level secondary behind <paramref name="primary"/>.</summary>
    public bool NeedsExperiencedSecondary(Engineer primary, WindowFacts window) =>
        primary.Seniority == Seniority.Junior && SeniorityRule switch
        {
            SeniorityRule.Always => true,
            SeniorityRule.InvestorPeriod => window.IsInvestorPeriod,
            _ => false,
        };

    public bool SeniorityAllows(Engineer primary, Engineer secondary, WindowFacts window) =>
        !NeedsExperiencedSecondary(primary, window) || secondary.Seniority >= Seniority.MidLevel;

    /// <summary>Every hard rule the consecutive <paramref name="shifts"/> break.</summary>
    /// <param name="shifts">Shifts in order; a shift that follows another directly must not repeat its primary.</param>
    /// <param name="facts">Facts for each shift's window, by shift id.</param>
    public IReadOnlyList<RuleViolation> Check(
        IReadOnlyList<Shift> shifts,
        IReadOnlyDictionary<string, WindowFacts> facts,
        IReadOnlyList<Engineer> engineers,
        IReadOnlyList<TimeOff> timeOff)
    {
        var byId = engineers.ToDictionary(e => e.Id);
        var violations = new List<RuleViolation>();
        Shift? previous = null;
        foreach (var shift in shifts)
        {
            var window = facts[shift.Id];
            if (shift.PrimaryId == shift.SecondaryId)
            {
                violations.Add(new(shift.Id, $"{shift.PrimaryId} is both primary and secondary"));
            }

            if (previous is not null && previous.End == shift.Start && previous.PrimaryId == shift.PrimaryId)
            {
                violations.Add(new(shift.Id, $"{shift.PrimaryId} is primary two windows in a row"));
            }

            byId.TryGetValue(shift.PrimaryId, out var primary);
            byId.TryGetValue(shift.SecondaryId, out var secondary);
            foreach (var (role, engineer, id) in new[] { ("primary", primary, shift.PrimaryId), ("secondary", secondary, shift.SecondaryId) })
            {
                if (engineer is null)
                {
                    violations.Add(new(shift.Id, $"{role} {id} is not in the rotation"));
                }
                else if (!IsAvailable(engineer, window, timeOff))
                {
                    violations.Add(new(shift.Id, $"{role} {id} is away"));
                }
            }

            if (primary is not null && secondary is not null && !SeniorityAllows(primary, secondary, window))
            {
                violations.Add(new(shift.Id, $"junior primary {primary.Id} has junior secondary {secondary.Id}"));
            }

            previous = shift;
        }

        return violations;
    }
}
