using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Announcements;

/// <summary>
/// Posts every announcement that fell due since the last pass: it scans (watermark, now] across all
/// <see cref="IAnnouncementSource"/>s and enqueues each due announcement's messages under their unique keys.
/// </summary>
/// <remarks>
/// One pass is one unit of work: the messages, the skips and the new watermark commit together, so a crash
/// repeats the whole pass and the outbox keys keep it from posting twice. An announcement found more than
/// <see cref="AnnouncementOptions.GraceHours"/> after it was due (the bot was down) is not posted but recorded
/// as a <see cref="SkippedAnnouncement"/> and reported to <c>onSkipped</c>. A first pass on a new store looks
/// back one grace window; no pass looks back more than 35 days.
/// </remarks>
public sealed class AnnouncementPlanner(
    IOnCallStore store,
    Outbox outbox,
    IEnumerable<IAnnouncementSource> sources,
    AnnouncementOptions options,
    Action<SkippedAnnouncement>? onSkipped = null) : ITimedWork
{
    private static readonly TimeSpan MaxLookBack = TimeSpan.FromDays(35);
    private readonly IAnnouncementSource[] _sources = [.. sources];

    public string Name => "announcements";

    public Task RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Plan(now);
        return Task.CompletedTask;
    }

    /// <summary>Every announcement due in (<paramref name="from"/>, <paramref name="to"/>], keyed by its outbox key, in order.</summary>
    public IEnumerable<DueInstant> DueBetween(DateTimeOffset from, DateTimeOffset to) =>
        _sources.SelectMany(s => s.Between(from, to))
            .Where(d => d.Due > from && d.Due <= to)
            .Select(d => new DueInstant(d.Key, d.Due))
            .OrderBy(d => d.Due);

    /// <summary>Runs one pass at <paramref name="now"/>; idempotent.</summary>
    public AnnouncementRun Plan(DateTimeOffset now)
    {
        var grace = TimeSpan.FromHours(Math.Max(0, options.GraceHours));
        var run = store.Write(tx =>
        {
            var marks = tx.Set<AnnouncementWatermark>();
            var mark = marks.Get(AnnouncementWatermark.Key)?.EvaluatedUntil ?? now - grace;
            if (mark >= now)
            {
                return AnnouncementRun.Empty;
            }

            var from = mark < now - MaxLookBack ? now - MaxLookBack : mark;
            var due = _sources
                .SelectMany(s => s.Between(from, now))
                .Where(d => d.Due > from && d.Due <= now)
                .OrderBy(d => d.Due)
                .ToList();
            var posted = new List<string>();
            var skipped = new List<SkippedAnnouncement>();
            foreach (var announcement in due)
            {
                if (tx.Set<OutboxMessage>().Get(announcement.Key) is not null
                    || tx.Set<SkippedAnnouncement>().Get(announcement.Key) is not null)
                {
                    continue;
                }

                if (announcement.Due < now - grace)
                {
                    var skip = new SkippedAnnouncement { Id = announcement.Key, Kind = announcement.Kind, Due = announcement.Due, SkippedAt = now };
                    tx.Set<SkippedAnnouncement>().TryInsert(skip);
                    skipped.Add(skip);
                    continue;
                }

                foreach (var message in announcement.Build(now))
                {
                    if (outbox.Enqueue(tx, message with { NotBefore = now }))
                    {
                        posted.Add(message.Id);
                    }
                }
            }

            marks.Upsert(new AnnouncementWatermark { Id = AnnouncementWatermark.Key, EvaluatedUntil = now });
            return new AnnouncementRun(posted, skipped);
        });

        foreach (var skip in run.Skipped)
        {
            onSkipped?.Invoke(skip);
        }

        return run;
    }
}
