using System.Globalization;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.TeamChanges;

/// <summary>
/// Reads one field of a pipeline from chat (owners, name, criticality, …) and sets it on a copy; a value it cannot
/// use gives a reason instead, and nothing is set.
/// </summary>
public sealed class PipelineFields(RosterService roster, PipelineCatalog catalog, TeamClock clock)
{
    /// <summary>Every field <see cref="Set"/> knows, in the order the help lists them.</summary>
    public static readonly IReadOnlyList<string> Names =
        ["name", "owners", "criticality", "audience", "readyby", "freshness", "resolution", "stakeholders", "aliases"];

    public const string NamesText = "name, owners, criticality, audience, readyby, freshness, resolution, stakeholders or aliases";

    /// <summary>Sets <paramref name="field"/> of <paramref name="p"/> to <paramref name="value"/>, or says why it can't.</summary>
    public (Pipeline? Updated, string? Error) Set(Pipeline p, string field, string value)
    {
        switch (field)
        {
            case "name":
                return NameError(value, p.Id) is { } nameError ? (null, nameError) : (p with { Name = value }, null);
            case "owners":
                return Owners(p, value);
            case "criticality":
                return Enum.TryParse<Criticality>(value, true, out var c) && Enum.IsDefined(c) && !value.Any(char.IsAsciiDigit)
                    ? (p with { Criticality = c }, null)
                    : (null, $"\"{value}\" is not a criticality; use {string.Join(", ", Enum.GetNames<Criticality>())}.");
            case "audience":
                return Enum.TryParse<Audience>(value, true, out var a) && Enum.IsDefined(a) && !value.Any(char.IsAsciiDigit)
                    ? (p with { Audience = a }, null)
                    : (null, $"\"{value}\" is not an audience; use {string.Join(", ", Enum.GetNames<Audience>())}.");
            case "readyby":
                return TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
                    ? (p with { ReadyBy = t }, null)
                    : (null, $"\"{value}\" is not a time like 06:00.");
            case "freshness":
                return value.Length <= 100
                    ? (p with { Freshness = value }, null)
                    : (null, "Say the freshness in a few words, such as \"under 24 hours\" (at most 100 characters).");
            case "resolution":
                return double.TryParse(value.Replace("h", "", StringComparison.OrdinalIgnoreCase), NumberStyles.Float, CultureInfo.InvariantCulture, out var hours) && hours is > 0 and <= 168
                    ? (p with { ResolutionTarget = TimeSpan.FromHours(hours) }, null)
                    : (null, $"\"{value}\" is not a number of hours between 0 and 168.");
            case "stakeholders":
                return Stakeholders(p, value);
            case "aliases":
                return (p with { Aliases = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] }, null);
            default:
                return (null, $"I can't change \"{field}\"; try {NamesText}.");
        }
    }

    /// <summary>Why <paramref name="name"/> cannot name a pipeline (empty, or another pipeline's name or alias); null when it can.</summary>
    public string? NameError(string name, string pipelineId)
    {
        var key = PipelineCatalog.Normalize(name);
        if (key.Length == 0)
        {
            return "Give the pipeline a name.";
        }

        var clash = catalog.All.FirstOrDefault(o => o.Id != pipelineId
            && (PipelineCatalog.Normalize(o.Name) == key || o.Aliases.Any(alias => PipelineCatalog.Normalize(alias) == key)));
        return clash is null ? null : $"\"{name}\" already names the pipeline {clash.Name}; pick another name.";
    }

    private (Pipeline?, string?) Owners(Pipeline p, string value)
    {
        var names = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var owners = names.Select(n => roster.Resolve(n)).ToList();
        if (names.Length != 2)
        {
            return (null, "Give two different engineers, primary first: owners <primary> <secondary>.");
        }

        var unknown = names.Where((n, i) => owners[i] is null).ToList();
        if (unknown.Count > 0)
        {
            return (null, $"I don't know an engineer \"{unknown[0]}\"; ⟦oncall⟧ team lists everyone.");
        }

        if (owners[0]!.Id == owners[1]!.Id)
        {
            return (null, "Give two different engineers, primary first: owners <primary> <secondary>.");
        }

        var today = clock.LocalDate(clock.Now);
        return owners.FirstOrDefault(o => o!.LeftOn is { } left && left <= today) is { } gone
            ? (null, $"{gone.Name} has left the team and cannot own a pipeline.")
            : (p with { PrimaryOwnerId = owners[0]!.Id, SecondaryOwnerId = owners[1]!.Id }, null);
    }

    private (Pipeline?, string?) Stakeholders(Pipeline p, string value)
    {
        if (value.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return (p with { StakeholderIds = [] }, null);
        }

        var known = roster.Stakeholders();
        var ids = new List<string>();
        foreach (var word in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var s = known.FirstOrDefault(k => k.Id.Equals(word, StringComparison.OrdinalIgnoreCase) || k.Name.Equals(word, StringComparison.OrdinalIgnoreCase));
            if (s is null)
            {
                return (null, $"\"{word}\" is not a stakeholder I know; use {string.Join(", ", known.Select(k => k.Id))} (comma-separated), or none.");
            }

            if (!ids.Contains(s.Id))
            {
                ids.Add(s.Id);
            }
        }

        return ids.Count == 0 ? (null, "Name at least one stakeholder, or none.") : (p with { StakeholderIds = ids }, null);
    }
}
