using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;

namespace TechFlow.OnCall.Core.Runbooks;

/// <summary>The chat replies for runbooks: the compact card, one issue's steps, and the list of all runbooks.</summary>
public sealed class RunbookReplies(RosterService roster, EffectiveSchedule schedule, TimeText timeText, TeamClock clock, RunbookSettings settings)
{
    /// <summary>How many issues the card lists with a button each.</summary>
    public const int TopIssues = 6;

    public Reply Card(Runbook runbook, DateTimeOffset now)
    {
        var b = new ReplyBuilder().Heading($"Runbook: {runbook.Name}");
        b.Text($"{runbook.Criticality} criticality. {runbook.RunSchedule}.".Replace("..", ".", StringComparison.Ordinal));
        b.Field("SLA", $"ready by {runbook.ReadyBy}; freshness {runbook.Freshness}; resolve within {runbook.ResolutionTarget}");
        b.Field("Owners", Owners(b, runbook));
        b.Field("On call now", OnCallNow(b, now));
        if (runbook.Upstream.Count > 0)
        {
            b.Field("Depends on", string.Join(", ", runbook.Upstream));
        }

        if (runbook.Downstream.Count > 0)
        {
            b.Field("Feeds", string.Join(", ", runbook.Downstream));
        }

        var top = runbook.Issues.Take(TopIssues).ToList();
        b.Text("Common issues, most frequent first:");
        foreach (var (issue, i) in top.Select((issue, i) => (issue, i)))
        {
            b.Text($"{i + 1}. {issue.Title}");
            b.Button(issue.Title, RunbookActionHandler.IssueAction, $"{runbook.Id}/{issue.Id}", i == 0 ? ButtonStyle.Primary : ButtonStyle.Default);
        }

        if (runbook.Issues.Count > top.Count)
        {
            b.Text($"…and {runbook.Issues.Count - top.Count} more; describe the symptom to find one.");
        }

        b.Context($"Describe what you see: ⟦oncall⟧ runbook {runbook.Id} <symptom words>");
        b.Context(Reviewed(runbook, now));
        return b.Build();
    }

    public Reply Issue(Runbook runbook, RunbookIssue issue, DateTimeOffset now, string? query = null, IssueMatch? runnerUp = null)
    {
        var b = new ReplyBuilder().Heading($"{runbook.Name}: {issue.Title}");
        b.Field("Symptom", issue.Symptom);
        b.Field("Likely causes", string.Join("; ", issue.Causes));
        b.Field("Escalate", issue.EscalateTo);
        b.Text("What to do:");
        foreach (var (step, i) in issue.Steps.Select((step, i) => (step, i)))
        {
            b.Text($"{i + 1}. {step}");
        }

        b.Field("On call now", OnCallNow(b, now));
        if (query is not null)
        {
            b.Context($"Best match in the {runbook.Name} runbook for \"{query}\".");
        }

        if (runnerUp is not null)
        {
            b.Button($"Or: {runnerUp.Issue.Title}", RunbookActionHandler.IssueAction, $"{runbook.Id}/{runnerUp.Issue.Id}");
        }

        b.Button($"{runbook.Name} runbook", RunbookActionHandler.CardAction, runbook.Id);
        b.Context(Reviewed(runbook, now));
        return b.Build();
    }

    public static Reply NoMatch(Runbook runbook, string query)
    {
        var b = new ReplyBuilder().Heading($"Runbook: {runbook.Name}").Tone(ReplyTone.Warning);
        b.Text($"No issue in the {runbook.Name} runbook clearly fits \"{query}\". These are the ones it covers:");
        foreach (var issue in runbook.Issues)
        {
            b.Button(issue.Title, RunbookActionHandler.IssueAction, $"{runbook.Id}/{issue.Id}");
        }

        b.Context("Try other words for what you see (\"late data\", \"out of memory\", \"numbers don't match\"), or escalate with ⟦oncall⟧ escalation.");
        return b.Build();
    }

    public Reply List(IReadOnlyList<Runbook> runbooks, IReadOnlyList<Pipeline> pipelines, IReadOnlyList<RunbookProblem> problems, DateTimeOffset now)
    {
        var b = new ReplyBuilder().Heading("Runbooks");
        var today = clock.LocalDate(now);
        var rows = new List<IReadOnlyList<string>>();
        var attention = problems.Count > 0;
        foreach (var runbook in runbooks)
        {
            var age = today.DayNumber - runbook.LastReviewed.DayNumber;
            var overdue = age > settings.ReviewAfterDays;
            attention |= overdue;
            rows.Add([runbook.Name, $"{runbook.Issues.Count}", TimeText.ShortDate(runbook.LastReviewed) + $" ({age} days ago)", overdue ? $"⚠ review overdue (over {settings.ReviewAfterDays} days)" : "ok"]);
        }

        foreach (var pipeline in pipelines.Where(p => runbooks.All(r => r.Id != p.Id)))
        {
            attention |= pipeline.IsInvestorFacing;
            rows.Add([pipeline.Name, "0", "-", pipeline.IsInvestorFacing ? "⚠ no runbook (investor-facing)" : "no runbook"]);
        }

        b.Table(["Pipeline", "Issues", "Last reviewed", "Status"], rows);
        if (attention)
        {
            b.Tone(ReplyTone.Warning);
        }

        foreach (var problem in problems.Take(5))
        {
            b.Context($"Last load failed, stored runbooks kept: {problem}");
        }

        b.Context("Open one: ⟦oncall⟧ runbook <pipeline>. Files live in runbooks/; admins reload with ⟦oncall⟧ runbook reload.");
        return b.Build();
    }

    private string Owners(ReplyBuilder b, Runbook runbook) =>
        string.Join(", ", runbook.Owners.Select((owner, i) =>
        {
            var name = roster.Find(owner) is { } engineer ? b.Mention(engineer) : owner;
            return i switch { 0 => $"{name} (primary)", 1 => $"{name} (secondary)", _ => name };
        }));

    private string OnCallNow(ReplyBuilder b, DateTimeOffset now) =>
        schedule.At(now) is { } snapshot
            ? $"{SliceText.Who(b, snapshot.Primary)} (primary, {timeText.Until(snapshot.Primary.Until, now)}), {SliceText.Who(b, snapshot.Secondary)} (secondary)"
            : "nobody is scheduled right now; see ⟦oncall⟧ escalation";

    private string Reviewed(Runbook runbook, DateTimeOffset now)
    {
        var age = clock.LocalDate(now).DayNumber - runbook.LastReviewed.DayNumber;
        var flag = age > settings.ReviewAfterDays ? $" (over {settings.ReviewAfterDays} days ago: due for review)" : "";
        return $"From runbooks/{runbook.SourceFile}, last reviewed {TimeText.Date(runbook.LastReviewed)}{flag}.";
    }
}
