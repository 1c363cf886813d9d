using System.Text.Json.Serialization;

namespace TechFlow.OnCallBot.Seeding;

/// <summary>The readable team file (seed/techflow.json): people, stakeholders, pipelines and escalation levels.</summary>
public sealed record TeamFile(
    IReadOnlyList<TeamFile.EngineerEntry> Engineers,
    IReadOnlyList<TeamFile.StakeholderEntry> Stakeholders,
    IReadOnlyList<TeamFile.PipelineEntry> Pipelines,
    IReadOnlyList<TeamFile.EscalationEntry>? Escalation)
{
    public sealed record EngineerEntry(
        string Id, string Name, string Seniority, string? Title, string? Email, string? SlackUserId, string? TeamsUserId,
        string? TimeZone, bool InRotation = true, bool IsManager = false, bool IsAdmin = false, string? JoinedOn = null, string? LeftOn = null);

    public sealed record StakeholderEntry(string Id, string Name, string? Description, string? Contact);

    public sealed record PipelineEntry(
        string Id, string Name, string BusinessArea, string Audience, string Criticality, string? Description, string? RunSchedule,
        string? ReadyBy, string? Freshness, double ResolutionHours, string PrimaryOwner, string SecondaryOwner,
        IReadOnlyList<string>? Stakeholders, IReadOnlyList<string>? Aliases, string? Channel);

    public sealed record EscalationEntry(int Level, string Target, int WaitMinutes);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(TeamFile))]
internal sealed partial class TeamFileJsonContext : JsonSerializerContext;
