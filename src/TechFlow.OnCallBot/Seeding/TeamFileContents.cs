using System.Globalization;
using System.Text.Json;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCallBot.Seeding;

/// <summary>The team file read and checked: engineers, stakeholders, pipelines and the escalation policy.</summary>
public sealed record TeamFileContents(List<Engineer> Engineers, List<Stakeholder> Stakeholders, List<Pipeline> Pipelines, EscalationPolicy Policy)
{
    /// <summary>Reads <paramref name="file"/> (relative to the app folder, else to the working folder).</summary>
    /// <exception cref="TeamFileException">The file is missing or invalid; the message says where.</exception>
    public static TeamFileContents Read(string file)
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
        return new TeamFileContents(engineers, stakeholders, pipelines, policy);
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
            JoinedOn = Day(file, $"engineer {e.Id} joinedOn", e.JoinedOn),
            LeftOn = Day(file, $"engineer {e.Id} leftOn", e.LeftOn),
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

    private static DateOnly? Day(string file, string what, string? value) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new TeamFileException($"{file}: {what}: \"{value}\" is not a date like 2026-12-31");

    private static T Parse<T>(string file, string what, string value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed)
            ? parsed
            : throw new TeamFileException($"{file}: {what}: \"{value}\" is not one of {string.Join(", ", Enum.GetNames<T>())}");
}
