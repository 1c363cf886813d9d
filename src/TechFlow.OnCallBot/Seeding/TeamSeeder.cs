using System.Globalization;
using System.Text.Json;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCallBot.Seeding;

/// <summary>Loads the team file into the store: on first start, or on demand (<c>reseed</c>).</summary>
public sealed class TeamSeeder(IOnCallStore store, PipelineCatalog catalog)
{
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
    /// Replaces engineers, stakeholders, pipelines and the escalation policy with the file's. Shifts, overrides,
    /// time off and history stay. The file is fully validated first: a bad file changes nothing.
    /// </summary>
    /// <exception cref="TeamFileException">The file is missing or invalid; the message says where.</exception>
    public void Load(string file)
    {
        var path = Path.IsPathRooted(file) ? file : Path.Combine(AppContext.BaseDirectory, file);
        if (!File.Exists(path))
        {
            path = Path.GetFullPath(file);
        }

        if (!File.Exists(path))
        {
            throw new TeamFileException($"{file}: file not found");
        }

        TeamFile? team;
        try
        {
            team = JsonSerializer.Deserialize(File.ReadAllText(path), TeamFileJsonContext.Default.TeamFile);
        }
        catch (JsonException ex)
        {
            throw new TeamFileException($"{file}: line {(ex.LineNumber ?? 0) + 1}: {ex.Message}");
        }

        if (team is null)
        {
            throw new TeamFileException($"{file}: empty file");
        }

        var (engineers, stakeholders, pipelines, policy) = Convert(file, team);
        store.Write(s =>
        {
            s.Set<Engineer>().DeleteMany(_ => true);
            s.Set<Stakeholder>().DeleteMany(_ => true);
            s.Set<Pipeline>().DeleteMany(_ => true);
            engineers.ForEach(s.Set<Engineer>().Upsert);
            stakeholders.ForEach(s.Set<Stakeholder>().Upsert);
            pipelines.ForEach(s.Set<Pipeline>().Upsert);
            s.Set<EscalationPolicy>().Upsert(policy);
        });
        catalog.Invalidate();
    }

    private static (List<Engineer>, List<Stakeholder>, List<Pipeline>, EscalationPolicy) Convert(string file, TeamFile team)
    {
        var engineers = team.Engineers.Select(e => new Engineer
        {
            Id = e.Id,
            Name = e.Name,
            Seniority = Parse<Seniority>(file, $"engineer {e.Id} seniority", e.Seniority),
            Title = e.Title ?? "",
            Email = e.Email,
            SlackUserId = e.SlackUserId,
            TeamsUserId = e.TeamsUserId,
            TimeZone = e.TimeZone,
            InRotation = e.InRotation,
            IsManager = e.IsManager,
            IsAdmin = e.IsAdmin,
            JoinedOn = e.JoinedOn is null ? null : DateOnly.ParseExact(e.JoinedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        }).ToList();
        var ids = engineers.Select(e => e.Id).ToHashSet();
        var stakeholders = team.Stakeholders.Select(s => new Stakeholder { Id = s.Id, Name = s.Name, Description = s.Description ?? "", Contact = s.Contact }).ToList();
        var stakeholderIds = stakeholders.Select(s => s.Id).ToHashSet();
        var pipelines = team.Pipelines.Select(p =>
        {
            foreach (var owner in new[] { p.PrimaryOwner, p.SecondaryOwner }.Where(o => !ids.Contains(o)))
            {
                throw new TeamFileException($"{file}: pipeline {p.Id}: owner \"{owner}\" is not an engineer in the file");
            }

            foreach (var unknown in (p.Stakeholders ?? []).Where(s => !stakeholderIds.Contains(s)))
            {
                throw new TeamFileException($"{file}: pipeline {p.Id}: stakeholder \"{unknown}\" is not in the file");
            }

            return new Pipeline
            {
                Id = p.Id,
                Name = p.Name,
                BusinessArea = p.BusinessArea,
                Audience = Parse<Audience>(file, $"pipeline {p.Id} audience", p.Audience),
                Criticality = Parse<Criticality>(file, $"pipeline {p.Id} criticality", p.Criticality),
                Description = p.Description ?? "",
                RunSchedule = p.RunSchedule ?? "",
                ReadyBy = p.ReadyBy is null ? null : TimeOnly.ParseExact(p.ReadyBy, "HH:mm", CultureInfo.InvariantCulture),
                Freshness = p.Freshness ?? "",
                ResolutionTarget = TimeSpan.FromHours(p.ResolutionHours <= 0 ? 4 : p.ResolutionHours),
                PrimaryOwnerId = p.PrimaryOwner,
                SecondaryOwnerId = p.SecondaryOwner,
                StakeholderIds = p.Stakeholders ?? [],
                Aliases = p.Aliases ?? [],
                Channel = p.Channel,
            };
        }).ToList();
        var policy = team.Escalation is { Count: > 0 } levels
            ? new EscalationPolicy
            {
                Id = EscalationPolicy.DefaultId,
                Levels = [.. levels.OrderBy(l => l.Level).Select(l => new EscalationLevel(l.Level, Parse<EscalationTarget>(file, $"escalation level {l.Level}", l.Target), TimeSpan.FromMinutes(l.WaitMinutes)))],
            }
            : EscalationPolicy.Default;
        return (engineers, stakeholders, pipelines, policy);
    }

    private static T Parse<T>(string file, string what, string value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed)
            ? parsed
            : throw new TeamFileException($"{file}: {what}: \"{value}\" is not one of {string.Join(", ", Enum.GetNames<T>())}");
}

/// <summary>The team file could not be loaded; the message names the file and the problem.</summary>
public sealed class TeamFileException(string message) : Exception(message);
