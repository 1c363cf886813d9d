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

    /// <summary>The dedupe key: pipeline id and the normalised message.</summary>
    public static string DedupeKeyFor(string pipelineId, string message) => $"{pipelineId}|{PipelineCatalog.Normalize(message)}";

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
        var key = DedupeKeyFor(pipeline.Id, text);
        var result = store.Write(tx =>
        {
            var pages = tx.Set<Page>();
            var open = pages.Find(p => p.DedupeKey == key && p.ResolvedAt == null).OrderBy(p => p.OpenedAt).FirstOrDefault();
            if (open is not null)
            {
                var joined = open with { JoinCount = open.JoinCount + 1 };
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
            page = Ping(tx, page, pipeline, 1, due: now, now, manual: null);
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
            .Where(p => p.Status == PageStatus.Open && p.NextEscalationAt <= now)
            .Select(p => p.Id)
            .ToList();
        var climbed = 0;
        foreach (var id in due)
        {
            var changed = store.Write(tx =>
            {
                var page = tx.Set<Page>().Get(id);
                if (page is not { Status: PageStatus.Open, NextEscalationAt: { } at } || at > now)
                {
                    return false;
                }

                tx.Set<Page>().Upsert(Ping(tx, page, pipelines.Get(page.PipelineId), page.Level + 1, at, now, manual: null));
                return true;
            });
            climbed += changed ? 1 : 0;
        }

        return climbed;
    }

    /// <summary>Stops the climb. A second acknowledgement changes nothing.</summary>
    public PageChange Acknowledge(string id, Engineer by, DateTimeOffset now) => Change(id, now, page => page.Status switch
    {
        PageStatus.Resolved => (null, $"Page {page.Id} is already resolved."),
        PageStatus.Acknowledged => (null, $"Page {page.Id} is already acknowledged."),
        _ => (page with { Status = PageStatus.Acknowledged, AcknowledgedAt = now, AcknowledgedBy = by.Id, NextEscalationAt = null },
            $"Acknowledged page {page.Id}. Escalation stopped."),
    });

    /// <summary>Closes the page and records time to acknowledge and resolve (an unacknowledged page counts as acknowledged now).</summary>
    public PageChange Resolve(string id, Engineer by, DateTimeOffset now) => Change(id, now, page => page.Status switch
    {
        PageStatus.Resolved => (null, $"Page {page.Id} is already resolved."),
        _ => (page with
        {
            Status = PageStatus.Resolved,
            ResolvedAt = now,
            ResolvedBy = by.Id,
            AcknowledgedAt = page.AcknowledgedAt ?? now,
            AcknowledgedBy = page.AcknowledgedBy ?? by.Id,
            NextEscalationAt = null,
        }, $"Resolved page {page.Id}."),
    });

    /// <summary>Pings the next level now (the last level again when it is already there).</summary>
    public PageChange Escalate(string id, Engineer by, DateTimeOffset now)
    {
        var result = store.Write(tx =>
        {
            var page = tx.Set<Page>().Get(id.Trim().ToLowerInvariant());
            if (page is null)
            {
                return new PageChange(PageChangeKind.NotFound, null, $"I can't find page {id}.");
            }

            if (page.Status == PageStatus.Resolved)
            {
                return new PageChange(PageChangeKind.Unchanged, page, $"Page {page.Id} is already resolved.");
            }

            if (now - page.LevelStartedAt < PagingTargets.EscalateDebounce)
            {
                return new PageChange(PageChangeKind.Unchanged, page, $"Page {page.Id} was escalated to level {page.Level} just now.");
            }

            var escalated = Ping(tx, page, pipelines.Get(page.PipelineId), page.Level + 1, now, now, manual: by.Id);
            tx.Set<Page>().Upsert(escalated);
            return new PageChange(PageChangeKind.Changed, escalated, $"Escalated page {page.Id} to level {escalated.Level}.");
        });

        return result;
    }

    private PageChange Change(string id, DateTimeOffset now, Func<Page, (Page? Updated, string Note)> decide)
    {
        var result = store.Write(tx =>
        {
            var page = tx.Set<Page>().Get(id.Trim().ToLowerInvariant());
            if (page is null)
            {
                return new PageChange(PageChangeKind.NotFound, null, $"I can't find page {id}.");
            }

            var (updated, note) = decide(page);
            if (updated is null)
            {
                return new PageChange(PageChangeKind.Unchanged, page, note);
            }

            tx.Set<Page>().Upsert(updated);
            var pipeline = pipelines.Get(updated.PipelineId);
            outbox.Enqueue(tx, new OutboxMessage
            {
                Id = PageKeys.ChannelUpdate(updated.Id, updated.Status),
                Kind = "page",
                Channel = pipeline?.Channel,
                Updates = updated.ChannelKey,
                Reply = cards.Card(updated, pipeline, now),
            });
            return new PageChange(PageChangeKind.Changed, updated, note);
        });

        return result;
    }

    /// <summary>
    /// Pings <paramref name="level"/> (or repeats the last level), stores who was paged, and sets the next due time.
    /// </summary>
    /// <param name="due">When this step was due; the level's wait counts from it unless the bot is so late that the
    /// wait would already be over, in which case the level gets its full wait from <paramref name="now"/>.</param>
    private Page Ping(IStoreTransaction tx, Page page, Pipeline? pipeline, int level, DateTimeOffset due, DateTimeOffset now, string? manual)
    {
        var chain = escalation.Chain(pipeline, due);
        var last = chain[^1].Level.Number;
        var repeat = level > last;
        var step = repeat ? chain[^1] : chain.First(s => s.Level.Number >= level);
        var skipped = new List<string>();
        while (!repeat && step.Engineer is null && step.Level.Number < last)
        {
            // A level with nobody is passed over, never silently: the note goes on the page and into its messages.
            // A stand-in secondary already paged at level 1 is not a hole, so it is not reported.
            if (step.Level.Target != EscalationTarget.SecondaryOnCall || step.Hole != "the secondary was already paged at level 1")
            {
                skipped.Add(step.SkippedNote);
            }

            var next = step.Level.Number + 1;
            step = chain.First(s => s.Level.Number >= next);
        }

        var round = repeat ? page.Round + 1 : 0;
        var started = now - due < step.Level.Wait ? due : now;
        var key = repeat ? PageKeys.Repeat(page.Id, step.Level.Number, round) : PageKeys.Direct(page.Id, step.Level.Number);
        var notification = new PageNotification
        {
            Level = step.Level.Number,
            Round = round,
            EngineerId = step.Engineer?.Id,
            Role = step.Role,
            At = now,
            Key = key,
            Manual = manual is not null,
            Skipped = skipped,
        };
        var updated = page with
        {
            Level = step.Level.Number,
            Round = round,
            LevelStartedAt = started,
            NextEscalationAt = page.Status == PageStatus.Open ? started + step.Level.Wait : null,
            Notifications = [.. page.Notifications, notification],
        };

        if (step.Engineer is { } engineer)
        {
            outbox.Enqueue(tx, new OutboxMessage
            {
                Id = key,
                Kind = "page",
                DirectTo = engineer.Id,
                Reply = cards.Direct(updated, pipeline, notification, now),
            });
        }

        if (!repeat)
        {
            outbox.Enqueue(tx, new OutboxMessage
            {
                Id = page.Level == 0 ? page.ChannelKey : PageKeys.Channel(page.Id, step.Level.Number),
                Kind = "page",
                Channel = pipeline?.Channel,
                Reply = page.Level == 0
                    ? cards.Card(updated, pipeline, now)
                    : cards.Escalated(updated, pipeline, notification, manual, started - page.LevelStartedAt, now),
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
