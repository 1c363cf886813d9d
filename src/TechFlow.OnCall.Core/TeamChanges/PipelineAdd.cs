using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.TeamChanges;

/// <summary>
/// Reads <c>oncall pipeline add &lt;id&gt; &lt;name&gt; owners &lt;primary&gt; &lt;secondary&gt; [field value …]</c> into a new
/// pipeline: medium criticality, experiments audience and a 4-hour resolution unless given.
/// </summary>
public static class PipelineAdd
{
    public const string Usage = "⟦oncall⟧ pipeline add <id> <name> owners <primary> <secondary> [criticality|audience|readyby|freshness|resolution|stakeholders|aliases <value> …]";

    /// <summary>The new pipeline and a one-line summary, or why it cannot be added.</summary>
    public static (Pipeline? Added, string? Error, string? Summary) Parse(IOnCallStore store, PipelineFields fields, IReadOnlyList<string> words)
    {
        var owners = words.ToList().FindIndex(w => w.Equals("owners", StringComparison.OrdinalIgnoreCase));
        if (words.Count == 0 || owners < 2 || owners + 2 >= words.Count)
        {
            return (null, $"Say the id, the name and the two owners: {Usage}", null);
        }

        var id = words[0].ToLowerInvariant();
        if (TeamArguments.Slug(id) != id)
        {
            return (null, $"\"{words[0]}\" is not a pipeline id; use lowercase letters, digits and dashes, such as churn-daily.", null);
        }

        if (store.Set<Pipeline>().Get(id) is { } existing)
        {
            return (null, $"The id \"{id}\" is already the pipeline {existing.Name}; pick another id.", null);
        }

        var name = string.Join(' ', words.Skip(1).Take(owners - 1));
        var draft = new Pipeline { Id = id, Name = name, PrimaryOwnerId = "", SecondaryOwnerId = "", Criticality = Criticality.Medium };
        var steps = new List<(string Field, string Value)> { ("name", name), ("owners", $"{words[owners + 1]} {words[owners + 2]}") };
        string? field = null;
        var value = new List<string>();
        foreach (var word in words.Skip(owners + 3).Append(""))
        {
            var key = word.ToLowerInvariant();
            if (word.Length > 0 && !PipelineFields.Names.Contains(key) && field is null)
            {
                return (null, $"\"{word}\" is not something a pipeline has; after the owners give pairs such as criticality high or readyby 06:00 ({PipelineFields.NamesText}).", null);
            }

            if (word.Length == 0 || (PipelineFields.Names.Contains(key) && key is not ("name" or "owners")))
            {
                if (field is not null)
                {
                    if (value.Count == 0)
                    {
                        return (null, $"Give a value after {field}.", null);
                    }

                    steps.Add((field, string.Join(' ', value)));
                }

                (field, value) = (key, []);
                continue;
            }

            if (key is "name" or "owners")
            {
                return (null, $"Give the {key} only once, before the other details: {Usage}", null);
            }

            value.Add(word);
        }

        foreach (var (f, v) in steps)
        {
            var (updated, error) = fields.Set(draft, f, v);
            if (updated is null)
            {
                return (null, error, null);
            }

            draft = updated;
        }

        var engineers = store.Set<Engineer>();
        var summary = $"added pipeline {draft.Name} ({draft.Id}), owned by {engineers.Get(draft.PrimaryOwnerId)?.Name} (primary) and {engineers.Get(draft.SecondaryOwnerId)?.Name} (secondary), {draft.Criticality.ToString().ToLowerInvariant()} criticality";
        return (draft, null, summary);
    }
}
