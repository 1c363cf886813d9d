using System.Globalization;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Conversation.Commands;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.TeamChanges;

/// <summary>
/// <c>/oncall pipeline edit &lt;pipeline&gt; owners|criticality|audience|readyby|resolution|aliases &lt;value&gt;</c> and
/// <c>/oncall pipeline retire &lt;pipeline&gt;</c>, for admins. They move no shift, so they apply at once; each is audited
/// and posted to the channel, and the escalation chain follows the new owners.
/// </summary>
public sealed class PipelineAdminHandler(
    IOnCallStore store, PipelineCatalog catalog, RosterService roster, RosterChanges changes, TeamAdmins admins, TeamClock clock, OnCallLookupHandler lookup) : ICommandHandler
{
    private const string Usage = "/oncall pipeline edit <pipeline> owners|criticality|audience|readyby|resolution|aliases <value>, or /oncall pipeline retire <pipeline>";

    public IReadOnlyList<string> Verbs { get; } = ["pipeline"];

    public IReadOnlyList<HelpEntry> Help { get; } =
    [
        new("/oncall pipeline edit <pipeline> owners|criticality|audience|readyby|resolution|aliases <value>", "Admins: change a pipeline; the escalation chain follows its owners.", "/oncall pipeline edit daily growth owners lisa sarah"),
        new("/oncall pipeline retire <pipeline>", "Admins: the pipeline is no longer answered for or paged.", "/oncall pipeline retire experiment aggregate"),
    ];

    public ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var words = context.Words;
        if (words.Count == 0 || words[0].ToLowerInvariant() is not ("edit" or "retire"))
        {
            // "/oncall pipeline aggregate profit" is still a question about that pipeline.
            return lookup.HandleAsync(context with { Verb = "", Args = $"pipeline {context.Args}".Trim() }, cancellationToken);
        }

        return ValueTask.FromResult(words.Count < 2 ? Reply.Error($"Try {Usage}.") : Handle(context, words));
    }

    private Reply Handle(CommandContext context, IReadOnlyList<string> words)
    {
        if (!admins.IsAdmin(context.Engineer))
        {
            return Reply.Error(TeamAdmins.Refusal);
        }

        var match = catalog.Match(string.Join(' ', words.Skip(1)));
        if (match is not PipelineMatch.Found found)
        {
            return PipelineArgument.NotMatched(match, catalog.All, "/oncall pipeline " + words[0].ToLowerInvariant());
        }

        var pipeline = found.Pipeline;
        if (words[0].Equals("retire", StringComparison.OrdinalIgnoreCase))
        {
            return Save(context.Engineer!, pipeline, null, $"retired pipeline {pipeline.Name}");
        }

        var rest = found.Rest.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (rest.Length < 2)
        {
            return Reply.Error($"Say what to change, for example: /oncall pipeline edit {pipeline.Name.ToLowerInvariant()} criticality high");
        }

        var (field, value) = (rest[0].ToLowerInvariant(), rest[1].Trim());
        var (updated, error) = Edit(pipeline, field, value);
        return error is not null
            ? Reply.Error(error, "Nothing was changed.")
            : Save(context.Engineer!, pipeline, updated, $"{pipeline.Name}: {field} set to {value}");
    }

    private (Pipeline? Updated, string? Error) Edit(Pipeline p, string field, string value)
    {
        switch (field)
        {
            case "owners":
                var names = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var today = clock.LocalDate(clock.Now);
                var owners = names.Select(n => roster.Resolve(n)).ToList();
                if (names.Length != 2 || owners.Any(o => o is null) || owners[0]!.Id == owners[1]!.Id)
                {
                    return (null, "Give two different engineers, primary first: owners <primary> <secondary>.");
                }

                return owners.FirstOrDefault(o => o!.LeftOn is { } left && left <= today) is { } gone
                    ? (null, $"{gone.Name} has left the team and cannot own a pipeline.")
                    : (p with { PrimaryOwnerId = owners[0]!.Id, SecondaryOwnerId = owners[1]!.Id }, null);
            case "criticality":
                return Enum.TryParse<Criticality>(value, true, out var c) && Enum.IsDefined(c)
                    ? (p with { Criticality = c }, null)
                    : (null, $"\"{value}\" is not a criticality; use {string.Join(", ", Enum.GetNames<Criticality>())}.");
            case "audience":
                return Enum.TryParse<Audience>(value, true, out var a) && Enum.IsDefined(a)
                    ? (p with { Audience = a }, null)
                    : (null, $"\"{value}\" is not an audience; use {string.Join(", ", Enum.GetNames<Audience>())}.");
            case "readyby":
                return TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
                    ? (p with { ReadyBy = t }, null)
                    : (null, $"\"{value}\" is not a time like 06:00.");
            case "resolution":
                return double.TryParse(value.Replace("h", "", StringComparison.OrdinalIgnoreCase), NumberStyles.Float, CultureInfo.InvariantCulture, out var hours) && hours is > 0 and <= 168
                    ? (p with { ResolutionTarget = TimeSpan.FromHours(hours) }, null)
                    : (null, $"\"{value}\" is not a number of hours between 0 and 168.");
            case "aliases":
                return (p with { Aliases = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] }, null);
            default:
                return (null, $"I can't change \"{field}\"; try owners, criticality, audience, readyby, resolution or aliases.");
        }
    }

    private Reply Save(Engineer actor, Pipeline before, Pipeline? after, string summary)
    {
        store.Write(tx =>
        {
            if (after is null)
            {
                tx.Set<Pipeline>().Delete(before.Id);
            }
            else
            {
                tx.Set<Pipeline>().Upsert(after);
            }

            var post = new ReplyBuilder().Heading("Team change: pipelines");
            post.Text($"{post.Mention(actor)} {summary}.");
            changes.Record(tx, $"team:pipeline:{before.Id}:{clock.Now.ToUnixTimeMilliseconds()}", after is null ? "retired" : "edited", actor.Id, null, summary, post.Build());
        });
        return new ReplyBuilder().Tone(ReplyTone.Success).Text($"Done: {summary}.").Build();
    }
}
