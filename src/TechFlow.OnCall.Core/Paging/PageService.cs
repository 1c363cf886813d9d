using System.Security.Cryptography;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Paging;

/// <summary>Opens, escalates, acknowledges and resolves pages; every message goes through the outbox.</summary>
/// <remarks>
/// Each change is one <see cref="IOnCallStore.Write{T}"/> that reloads the page and checks its state before acting,
/// and each message has a unique outbox key (<see cref="PageKeys"/>), so concurrent presses, a retried tick or a
/// restart never page anyone twice. Escalation times are stored on the page, so a restart resumes with the
/// remaining wait.
/// </remarks>
public sealed class PageService(
    IOnCallStore store,
    PipelineCatalog pipelines,
    EscalationService escalation,
    Outbox outbox,
    PageCards cards)
{
    private const string IdAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public Page? Get(string id) => string.IsNullOrWhiteSpace(id) ? null : store.Set<Page>().Get(id.Trim().ToLowerInvariant());

    /// <summary>Pages not yet resolved, oldest first.</summary>
    public IReadOnlyList<Page> OpenPages() => [.. store.Set<Page>().Find(p => p.ResolvedAt == null).OrderBy(p => p.OpenedAt)];

    /// <summary>
    /// Opens a page and pings level 1 (a direct message and a channel post), or joins the open page with the same
    /// pipeline and message without paging again.
    /// </summary>
    /// <param name="source"><c>chat</c> or <c>api</c>.</param>
    /// <param name="by">An engineer id, a display name, or the monitor's name.</param>
    public PageOpened Open(Pipeline pipeline, string message, string source, string? by, DateTimeOffset now)
    {
        var text = message.Trim();
        var key = PageKeys.Dedupe(pipeline.Id, text);
        var result = store.Write(tx =>
        {
            var pages = tx.Set<Page>();
            var open = pages.Find(p => p.DedupeKey == key && p.ResolvedAt == null).OrderBy(p => p.OpenedAt).FirstOrDefault();
            if (open is not null)
            {
                var joined = open.Joined();
                pages.Upsert(joined);
                return new PageOpened(joined, pipeline, true);
            }

            var page = new Page
            {
                Id = NewId(pages),
                PipelineId = pipeline.Id,
                Message = text,
                DedupeKey = key,
                Status = PageStatus.Open,
                Level = 0,
                OpenedAt = now,
                LevelStartedAt = now,
                OpenedBy = by,
                Source = source,
            };
            page = Send(tx, page, page.Climb(escalation.Chain(pipeline, now), 1, due: now, now, manual: null), pipeline, now);
            pages.TryInsert(page);
            return new PageOpened(page, pipeline, false);
        });

        return result;
    }

    /// <summary>Pings the next level of every open, unacknowledged page whose wait has run out.</summary>
    /// <returns>How many pages climbed.</returns>
    public int EscalateDue(DateTimeOffset now)
    {
        var due = store.Set<Page>().Find(p => p.ResolvedAt == null)
            .Where(p => p.DueAt(now) is not null)
            .Select(p => p.Id)
            .ToList();
        var climbed = 0;
        foreach (var id in due)
        {
            var changed = store.Write(tx =>
            {
                var page = tx.Set<Page>().Get(id);
                if (page?.DueAt(now) is not { } at)
                {
                    return false;
                }

                var pipeline = pipelines.Get(page.PipelineId);
                tx.Set<Page>().Upsert(Send(tx, page, page.Climb(escalation.Chain(pipeline, at), page.Level + 1, at, now, manual: null), pipeline, now));
                return true;
            });
            climbed += changed ? 1 : 0;
        }

        return climbed;
    }

    /// <summary>Stops the climb. A second acknowledgement changes nothing.</summary>
    public PageResult Acknowledge(string id, Engineer by, DateTimeOffset now) => Change(id, now, page => page.Acknowledge(by.Id, now));

    /// <summary>Closes the page and records time to acknowledge and resolve (an unacknowledged page counts as acknowledged now).</summary>
    public PageResult Resolve(string id, Engineer by, DateTimeOffset now) => Change(id, now, page => page.Resolve(by.Id, now));

    /// <summary>Pings the next level now (the last level again when it is already there).</summary>
    public PageResult Escalate(string id, Engineer by, DateTimeOffset now) => Change(id, now, page =>
        page.Escalate(escalation.Chain(pipelines.Get(page.PipelineId), now), by.Id, now));

    /// <summary>Reloads the page, lets it decide, and saves what it became with its messages, in one unit of work.</summary>
    private PageResult Change(string id, DateTimeOffset now, Func<Page, PageResult> decide)
    {
        var result = store.Write(tx =>
        {
            var page = tx.Set<Page>().Get(id.Trim().ToLowerInvariant());
            if (page is null)
            {
                return new PageResult.NotFound(id);
            }

            var decided = decide(page);
            var pipeline = pipelines.Get(page.PipelineId);
            switch (decided)
            {
                case PageResult.Escalated escalated:
                    tx.Set<Page>().Upsert(Send(tx, page, escalated.Climb, pipeline, now));
                    break;
                case PageResult.Acknowledged or PageResult.Resolved:
                    var updated = decided.Page!;
                    tx.Set<Page>().Upsert(updated);
                    outbox.Enqueue(tx, new OutboxMessage
                    {
                        Id = PageKeys.ChannelUpdate(updated.Id, updated.Status),
                        Kind = Outbox.PageKind,
                        Channel = pipeline?.Channel,
                        Updates = updated.ChannelKey,
                        Reply = cards.Card(updated, pipeline, now),
                    });
                    break;
            }

            return decided;
        });

        return result;
    }

    /// <summary>Sends the ping <paramref name="climb"/> decided: the direct message, and a channel post unless it repeats.</summary>
    /// <returns>The page after the climb, to save.</returns>
    private Page Send(IStoreTransaction tx, Page before, PageClimb climb, Pipeline? pipeline, DateTimeOffset now)
    {
        var (updated, notification, step, repeat, waited, manualBy) = climb;
        if (step.Engineer is { } engineer)
        {
            outbox.Enqueue(tx, new OutboxMessage
            {
                Id = notification.Key,
                Kind = Outbox.PageKind,
                DirectTo = engineer.Id,
                Reply = cards.Direct(updated, pipeline, notification, now),
            });
        }

        if (!repeat)
        {
            var opening = before.Level == 0;
            outbox.Enqueue(tx, new OutboxMessage
            {
                Id = opening ? before.ChannelKey : PageKeys.Channel(before.Id, step.Level.Number),
                Kind = Outbox.PageKind,
                Channel = pipeline?.Channel,
                Reply = opening
                    ? cards.Card(updated, pipeline, now)
                    : cards.Escalated(updated, pipeline, notification, manualBy, waited, now),
            });
        }

        return updated;
    }

    private static string NewId(IRepository<Page> pages)
    {
        while (true)
        {
            var id = new string(RandomNumberGenerator.GetItems<char>(IdAlphabet, 6));
            if (pages.Get(id) is null)
            {
                return id;
            }
        }
    }
}
