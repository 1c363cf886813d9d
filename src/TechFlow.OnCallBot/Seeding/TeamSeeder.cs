using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule.Fair;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Core.TeamChanges;

namespace TechFlow.OnCallBot.Seeding;

/// <summary>
/// Loads the team file into the store: on first start, or on demand (<c>reseed</c>), where it merges by id: engineers
/// and pipelines are added, updated and retired, and learned chat identities, history, overrides and time off stay.
/// </summary>
public sealed class TeamSeeder(IOnCallStore store, PipelineCatalog catalog, RosterChanges changes, TeamMessages messages, TeamClock clock)
{
    /// <summary>The audit actor of a reseed.</summary>
    public const string Actor = "reseed";

    /// <summary>Seeds from <paramref name="file"/> when the store has no engineers; false when it already had some.</summary>
    public bool SeedIfEmpty(string file)
    {
        if (store.Set<Engineer>().Count() > 0)
        {
            return false;
        }

        Load(file);
        return true;
    }

    /// <summary>
    /// Merges the file into the store (or, with <paramref name="dryRun"/>, only says what it would change). Engineers
    /// missing from the file leave the team today; new ones join and get a fair share from the first unfrozen week;
    /// Slack and Teams ids the file leaves empty keep what the bot learned; a leave made from chat stays until the file
    /// gives <c>leftOn</c> or someone rejoins them. The file is fully checked first: a bad file, or one that would leave a
    /// shift without a person or a pipeline without an owner, changes nothing and says which.
    /// </summary>
    /// <returns>One line per change.</returns>
    /// <exception cref="TeamFileException">The file is missing, invalid or would break the schedule; the message says why.</exception>
    public IReadOnlyList<string> Load(string file, bool dryRun = false)
    {
        var contents = TeamFileContents.Read(file);
        var today = clock.LocalDate(clock.Now);
        var stored = store.Set<Engineer>().All().ToDictionary(e => e.Id);
        var merged = contents.Engineers.Select(e => Merge(e, stored.GetValueOrDefault(e.Id), stored.Count == 0 ? null : today)).ToList();
        var leavers = stored.Values.Where(e => e.InRotation && e.LeftOn is null && merged.All(m => m.Id != e.Id)).Select(e => e with { LeftOn = today }).ToList();
        var gone = stored.Values.Where(e => !e.InRotation && merged.All(m => m.Id != e.Id)).ToList();
        var lines = Diff(merged, leavers, gone, stored, contents.Pipelines);
        lines.AddRange(PipelineDiff(contents.Pipelines));
        Check(file, merged, contents.Pipelines, today);
        if (dryRun)
        {
            return lines;
        }

        try
        {
            store.Write(tx =>
            {
                tx.Set<Stakeholder>().DeleteMany(_ => true);
                tx.Set<Pipeline>().DeleteMany(_ => true);
                gone.ForEach(e => tx.Set<Engineer>().Delete(e.Id));
                merged.ForEach(tx.Set<Engineer>().Upsert);
                leavers.ForEach(tx.Set<Engineer>().Upsert);
                contents.Stakeholders.ForEach(tx.Set<Stakeholder>().Upsert);
                contents.Pipelines.ForEach(tx.Set<Pipeline>().Upsert);
                tx.Set<EscalationPolicy>().Upsert(contents.Policy);
                if (stored.Count == 0)
                {
                    return;
                }

                var joined = merged.Any(e => !stored.ContainsKey(e.Id) || (stored[e.Id].LeftOn is not null && e.LeftOn is null));
                var result = changes.Replan(tx, joined || leavers.Count > 0 ? RegenerationMode.Rebalance : RegenerationMode.Minimal, [.. leavers.Select(e => e.Id)], []);
                if (result.Regeneration?.Problems is { Count: > 0 } problems)
                {
                    throw new TeamFileException($"{file}: shift {problems[0].Window.Id} would have nobody: {problems[0].Reason}. Nothing was changed.");
                }

                if (lines.Count > 0)
                {
                    var summary = "reseed: " + string.Join("; ", lines);
                    changes.Record(tx, $"reseed:{clock.Now.ToUnixTimeMilliseconds()}", "reseeded", Actor, null, summary,
                        messages.Post("Team change: the team file was reloaded", Actor, result));
                }
            });
        }
        finally
        {
            catalog.Invalidate();
        }

        return lines;
    }

    private static Engineer Merge(Engineer fromFile, Engineer? stored, DateOnly? today) => stored is null
        ? fromFile with { JoinedOn = fromFile.JoinedOn ?? today }
        : fromFile with
        {
            SlackUserId = fromFile.SlackUserId ?? stored.SlackUserId,
            TeamsUserId = fromFile.TeamsUserId ?? stored.TeamsUserId,
            TeamsAadObjectId = stored.TeamsAadObjectId,
            JoinedOn = fromFile.JoinedOn ?? stored.JoinedOn,
            LeftOn = fromFile.LeftOn ?? stored.LeftOn,
        };

    private static List<string> Diff(List<Engineer> merged, List<Engineer> leavers, List<Engineer> gone, Dictionary<string, Engineer> stored, List<Pipeline> pipelines)
    {
        if (stored.Count == 0)
        {
            return [$"load {merged.Count} engineers and {pipelines.Count} pipelines"];
        }

        var lines = new List<string>();
        foreach (var e in merged)
        {
            if (!stored.TryGetValue(e.Id, out var before))
            {
                lines.Add($"add engineer {e.Id} ({e.Name}, {TeamMessages.SeniorityText(e.Seniority)})");
            }
            else if (before != e)
            {
                lines.Add($"update engineer {e.Id}");
            }
        }

        lines.AddRange(leavers.Select(e => $"retire engineer {e.Id} (leaves the team today; history kept)"));
        lines.AddRange(gone.Select(e => $"remove {e.Id} (not in the rotation)"));
        return lines;
    }

    private List<string> PipelineDiff(List<Pipeline> pipelines)
    {
        var stored = store.Set<Pipeline>().All().ToDictionary(p => p.Id);
        if (stored.Count == 0)
        {
            return [];
        }

        return
        [
            .. pipelines.Where(p => !stored.ContainsKey(p.Id)).Select(p => $"add pipeline {p.Id} ({p.Name})"),
            .. pipelines.Where(p => stored.TryGetValue(p.Id, out var before) && !Same(before, p)).Select(p => $"update pipeline {p.Id}"),
            .. stored.Keys.Where(id => pipelines.All(p => p.Id != id)).Order(StringComparer.Ordinal).Select(id => $"retire pipeline {id}"),
        ];
    }

    private static bool Same(Pipeline a, Pipeline b) =>
        a with { StakeholderIds = [], Aliases = [] } == b with { StakeholderIds = [], Aliases = [] }
        && a.StakeholderIds.SequenceEqual(b.StakeholderIds) && a.Aliases.SequenceEqual(b.Aliases);

    private static void Check(string file, List<Engineer> merged, List<Pipeline> pipelines, DateOnly today)
    {
        var active = merged.Where(e => e.LeftOn is null || e.LeftOn > today).Select(e => e.Id).ToHashSet();
        foreach (var p in pipelines)
        {
            foreach (var owner in new[] { p.PrimaryOwnerId, p.SecondaryOwnerId }.Where(o => !active.Contains(o)))
            {
                throw new TeamFileException($"{file}: pipeline {p.Id} would have no owner: \"{owner}\" has left the team. Nothing was changed.");
            }
        }

        if (merged.Count(e => e.InRotation && active.Contains(e.Id)) < 2)
        {
            throw new TeamFileException($"{file}: fewer than two engineers would be in the rotation, so shifts would have nobody. Nothing was changed.");
        }
    }
}
