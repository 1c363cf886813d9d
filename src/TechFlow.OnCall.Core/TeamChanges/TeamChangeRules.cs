using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.TeamChanges;

/// <summary>Checks a team change against the store as it is now, and says in advance what it will do.</summary>
public sealed class TeamChangeRules(EffectiveSchedule effective, TeamClock clock)
{
    /// <summary>Why <paramref name="r"/> cannot be made now; null when it can.</summary>
    public string? Invalid(IStoreSets sets, TeamChangeRequest r)
    {
        var engineers = sets.Set<Engineer>().All();
        var engineer = engineers.FirstOrDefault(e => e.Id == r.EngineerId);
        var today = clock.LocalDate(clock.Now);
        switch (r.Kind)
        {
            case TeamChangeKind.Add:
                if (string.IsNullOrWhiteSpace(r.Name) || TeamArguments.Slug(r.Name).Length == 0)
                {
                    return "Give the new engineer's name, for example: ⟦oncall⟧ team add Priya Patel mid America/Chicago";
                }

                if (engineer is not null || engineers.Any(e => string.Equals(e.Name, r.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    return $"There is already an engineer called {r.Name} ({r.EngineerId}). Use ⟦oncall⟧ team rejoin or ⟦oncall⟧ team edit instead.";
                }

                return SlackTaken(engineers, r.SlackUserId, r.EngineerId);
            case TeamChangeKind.Leave:
                if (engineer is null)
                {
                    return $"I don't know an engineer \"{r.EngineerId}\".";
                }

                if (!engineer.InRotation)
                {
                    return $"{engineer.Name} is not in the on-call rotation.";
                }

                if (engineer.LeftOn is { } left && left <= today)
                {
                    return $"{engineer.Name} already left the team on {TimeText.ShortDate(left)}.";
                }

                if (r.On is not { } on || on < today)
                {
                    return $"The leave date {(r.On is { } d ? TimeText.ShortDate(d) : "")} is in the past; pick today or a later day.";
                }

                if (engineers.Count(e => e.InRotation && e.Id != engineer.Id && (e.LeftOn is null || e.LeftOn > on)) < 2)
                {
                    return $"If {engineer.Name} leaves, fewer than two engineers are left in the rotation, so shifts would have nobody. Add someone first.";
                }

                OwnershipHandover.Plan(engineers, sets.Set<Pipeline>().All(), engineer.Id, on, out var error);
                return error;
            case TeamChangeKind.Rejoin:
                return engineer is null ? $"I don't know an engineer \"{r.EngineerId}\"."
                    : engineer.LeftOn is null ? $"{engineer.Name} has not left the team."
                    : null;
            default:
                return engineer is null ? $"I don't know an engineer \"{r.EngineerId}\"."
                    : r.Field == "name" && engineers.Any(e => e.Id != engineer.Id && string.Equals(e.Name, r.Name, StringComparison.OrdinalIgnoreCase))
                    ? $"There is already an engineer called {r.Name}."
                    : null;
        }
    }

    /// <summary>What <paramref name="r"/> will do, in sentences for the confirmation card.</summary>
    public IReadOnlyList<string> Effects(IStoreSets sets, TeamChangeRequest r)
    {
        var now = clock.Now;
        var frozenUntil = now.AddDays(7 * clock.Settings.FrozenWeeks);
        switch (r.Kind)
        {
            case TeamChangeKind.Add:
                return [$"From the first week that is not frozen the schedule is re-balanced so {r.Name} gets a fair share, counted from the team's average in every fairness category (not from zero). Everyone whose shifts move is told."];
            case TeamChangeKind.Rejoin:
                return ["From the first week that is not frozen the schedule is re-balanced to give them a fair share again. Everyone whose shifts move is told."];
            case TeamChangeKind.Leave:
                var start = clock.ToInstant(r.On!.Value, TimeOnly.MinValue);
                var slices = effective.Between(sets, start > now ? start : now, now.AddDays(7 * clock.Settings.PlanAheadWeeks))
                    .Where(s => s.HolderId == r.EngineerId || s.Planned.Id == r.EngineerId)
                    .ToList();
                var unfrozen = slices.Where(s => s.Window.Start >= frozenUntil).Select(s => s.ShiftId).Distinct().Count();
                var frozen = slices.Count(s => s.Window.Start < frozenUntil && s.HolderId == r.EngineerId);
                var lines = new List<string>
                {
                    $"{unfrozen} of their shifts from the first week that is not frozen are re-planned fairly; everyone whose shifts move is told.",
                    frozen == 0 ? "They hold no slot in the frozen weeks." : $"{frozen} slot{(frozen == 1 ? "" : "s")} they hold in the frozen weeks become{(frozen == 1 ? "s" : "")} an open cover request.",
                };
                lines.AddRange(OwnershipHandover.Plan(sets.Set<Engineer>().All(), sets.Set<Pipeline>().All(), r.EngineerId, r.On.Value, out _).Select(h => h.Note + "."));
                lines.Add("From that day they drop out of the escalation chain. Their history stays and still counts in past fairness reports; ⟦oncall⟧ team rejoin undoes it.");
                return lines;
            default:
                return r.Field == "seniority"
                    ? ["Shifts from the first week that is not frozen that break the seniority rule are re-planned; everyone whose shifts move is told."]
                    : ["No shift moves."];
        }
    }

    private static string? SlackTaken(IReadOnlyList<Engineer> engineers, string? slackId, string engineerId) =>
        slackId is not null && engineers.FirstOrDefault(e => e.SlackUserId == slackId && e.Id != engineerId) is { } other
            ? $"The Slack user {slackId} is already linked to {other.Name}."
            : null;
}
