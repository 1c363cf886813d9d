using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Runbooks;

namespace TechFlow.OnCall.Core.Paging;

/// <summary>The messages a page sends: the channel card, the direct page, and the escalation notice.</summary>
public sealed class PageCards(RosterService roster, TimeText timeText, RunbookService runbooks)
{
    public const string AcknowledgeAction = "page.ack";
    public const string EscalateAction = "page.escalate";
    public const string ResolveAction = "page.resolve";

    /// <summary>The page as it stands: the channel post, and the replacement after a button press.</summary>
    public Reply Card(Page page, Pipeline? pipeline, DateTimeOffset now)
    {
        var b = new ReplyBuilder()
            .Heading($"Page: {NameOf(page, pipeline)}")
            .Text(page.Message);
        b.Field("Status", Status(b, page, now));
        if (page.Notifications.Count > 0)
        {
            Skipped(b, page.Notifications[^1]);
        }

        Common(b, page, now);
        return Finish(b, page);
    }

    /// <summary>The direct message to the person paged at one level.</summary>
    public Reply Direct(Page page, Pipeline? pipeline, PageNotification notification, DateTimeOffset now)
    {
        var engineer = roster.Find(notification.EngineerId);
        var b = new ReplyBuilder()
            .Heading($"You are paged: {NameOf(page, pipeline)}")
            .Text(page.Message);
        var wait = page.NextEscalationAt is { } next ? $" Please acknowledge by {timeText.Instant(next, now)}, or it goes to the next level." : "";
        b.Text(notification.Round > 0
            ? $"{b.Mention(engineer)}, this page is still not acknowledged (reminder {notification.Round}).{wait}"
            : $"{b.Mention(engineer)}, you are level {notification.Level} ({notification.Role}) for this page.{wait}");
        Skipped(b, notification);
        Common(b, page, now);
        return Finish(b, page);
    }

    /// <summary>The channel notice when a page climbs past level 1.</summary>
    public Reply Escalated(Page page, Pipeline? pipeline, PageNotification notification, string? manualBy, TimeSpan waited, DateTimeOffset now)
    {
        var b = new ReplyBuilder().Heading($"Page escalated: {NameOf(page, pipeline)}").Text(page.Message);
        var who = notification.EngineerId is null ? "nobody (no one holds that role)" : b.Mention(roster.Find(notification.EngineerId));
        var why = manualBy is not null
            ? $"{Person(b, manualBy)} escalated it"
            : $"Nobody acknowledged within {TimeText.Duration(waited)}";
        b.Text($"{why}: level {notification.Level}, {who} ({notification.Role}), is now paged.");
        Skipped(b, notification);
        Common(b, page, now);
        return Finish(b, page);
    }

    /// <summary>One sentence for the person who acknowledged, resolved or escalated, saying what happened.</summary>
    public static string Note(PageResult result) => result switch
    {
        PageResult.Acknowledged { Page: { } p } => $"Acknowledged page {p.Id}. Escalation stopped.",
        PageResult.Resolved { Page: { } p } => $"Resolved page {p.Id}.",
        PageResult.Escalated { Page: { } p } => $"Escalated page {p.Id} to level {p.Level}.",
        PageResult.AlreadyAcknowledged { Page: { } p } => $"Page {p.Id} is already acknowledged.",
        PageResult.AlreadyResolved { Page: { } p } => $"Page {p.Id} is already resolved.",
        PageResult.JustEscalated { Page: { } p } => $"Page {p.Id} was escalated to level {p.Level} just now.",
        PageResult.NotFound { Id: var id } => $"I can't find page {id}.",
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, "not a page result"),
    };

    /// <summary>Refusals before any page is loaded: the presser is not on the roster, the id or the button is not one I know.</summary>
    public const string NotOnRoster = "Only engineers on the on-call roster can act on pages.";
    public const string NotAPage = "That is not a page I know.";
    public const string UnknownButton = "That button is not one I know.";

    /// <summary>Said after every refusal and repeat.</summary>
    public const string NothingChanged = "Nothing was changed.";

    /// <summary>"Page k7m2qx (Aggregate Profit)" for lists and notices.</summary>
    public static string NameOf(Page page, Pipeline? pipeline) => pipeline?.Name ?? page.PipelineId;

    /// <summary>"Open, level 1: Alex Chen (primary on call); escalates …", "Acknowledged by …", "Resolved by …".</summary>
    public string Status(ReplyBuilder b, Page page, DateTimeOffset now) => page.Status switch
    {
        PageStatus.Resolved => $"Resolved by {Person(b, page.ResolvedBy)} after {TimeText.Duration(page.TimeToResolve ?? TimeSpan.Zero)}",
        PageStatus.Acknowledged => $"Acknowledged by {Person(b, page.AcknowledgedBy)} after {TimeText.Duration(page.TimeToAcknowledge ?? TimeSpan.Zero)}",
        _ => $"Open, level {page.Level}: {Paged(b, page)}"
            + (page.NextEscalationAt is { } next ? $"; escalates {timeText.Instant(next, now)}" : ""),
    };

    private static void Skipped(ReplyBuilder b, PageNotification notification)
    {
        foreach (var note in notification.Skipped)
        {
            b.Text($"{note}.");
        }
    }

    private void Common(ReplyBuilder b, Page page, DateTimeOffset now)
    {
        b.Field("Page", page.Id);
        b.Field("Opened", $"{timeText.Instant(page.OpenedAt, now)} by {Person(b, page.OpenedBy)}{(page.Source == "api" ? " (API)" : "")}");
        if (page.JoinCount > 0)
        {
            b.Field("Reported", $"{page.JoinCount + 1} times");
        }

        var pipelineWords = page.PipelineId.Replace('-', ' ');
        b.Context(runbooks.FindIssue(page.PipelineId, page.Message) is { } match
            ? $"Runbook: \"{match.Issue.Title}\" — ⟦oncall⟧ runbook {pipelineWords} {match.Issue.Title}"
            : $"Runbook: ⟦oncall⟧ runbook {pipelineWords}");
    }

    private static Reply Finish(ReplyBuilder b, Page page)
    {
        if (page.Status == PageStatus.Open)
        {
            b.Button("Acknowledge", AcknowledgeAction, page.Id, ButtonStyle.Primary);
        }

        if (page.Status != PageStatus.Resolved)
        {
            b.Button("Escalate", EscalateAction, page.Id);
            b.Button("Resolve", ResolveAction, page.Id, ButtonStyle.Danger);
        }

        return b.Tone(page.Status switch
        {
            PageStatus.Open => ReplyTone.Warning,
            PageStatus.Resolved => ReplyTone.Success,
            _ => ReplyTone.Normal,
        }).Build();
    }

    private string Paged(ReplyBuilder b, Page page)
    {
        var last = page.Notifications.Count > 0 ? page.Notifications[^1] : null;
        return last?.EngineerId is null ? "nobody to page" : $"{b.Mention(roster.Find(last.EngineerId))} ({last.Role})";
    }

    private string Person(ReplyBuilder b, string? idOrName) =>
        roster.Find(idOrName) is { } engineer ? b.Mention(engineer) : idOrName ?? "someone";
}
