using System.Security.Cryptography;
using System.Text;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCallBot.Calendar;

/// <summary>
/// Gives each feed event its SEQUENCE and LAST-MODIFIED from stored <see cref="FeedEventRevision"/>s, and brings
/// back the events that disappeared as cancelled ones.
/// </summary>
/// <remarks>
/// Revisions are stored rather than derived: a SEQUENCE must never go down, and "this event existed and is gone"
/// cannot be derived from the current schedule. Publishing is one unit of work that writes only when something
/// changed, so a feed fetched twice without a change is byte-identical and stores nothing. Revisions are kept while
/// the feed reaches back (<see cref="ScheduleFeed.PastWeeks"/>), then deleted.
/// </remarks>
public sealed class FeedRevisions(IOnCallStore store, TeamClock clock)
{
    /// <summary>
    /// The <paramref name="events"/> of <paramref name="feed"/> with their revisions, plus every event the feed
    /// published before that overlaps [<paramref name="from"/>, <paramref name="to"/>) and is gone now, as cancelled.
    /// </summary>
    public IReadOnlyList<PublishedEvent> Publish(string feed, IReadOnlyList<FeedEvent> events, DateTimeOffset from, DateTimeOffset to) =>
        store.Write(tx =>
        {
            var now = clock.Now;
            var set = tx.Set<FeedEventRevision>();
            var result = new List<PublishedEvent>();
            var current = new HashSet<string>(StringComparer.Ordinal);
            foreach (var e in events)
            {
                current.Add(e.Uid);
                var hash = Hash(e);
                var stored = set.Get(e.Uid);
                var revision = stored switch
                {
                    null => Revision(feed, e, hash, 0, now),
                    { Cancelled: false } when stored.Hash == hash => stored,
                    _ => Revision(feed, e, hash, stored.Sequence + 1, now),
                };
                if (!ReferenceEquals(revision, stored))
                {
                    set.Upsert(revision);
                }

                result.Add(new PublishedEvent(e, revision.Sequence, revision.LastModified, false));
            }

            foreach (var gone in set.Find(r => r.Feed == feed && r.End > from && r.Start < to).Where(r => !current.Contains(r.Id)))
            {
                var cancelled = gone.Cancelled ? gone : gone with { Cancelled = true, Sequence = gone.Sequence + 1, LastModified = now };
                if (!gone.Cancelled)
                {
                    set.Upsert(cancelled);
                }

                result.Add(new PublishedEvent(new FeedEvent(gone.Id, gone.Start, gone.End, gone.Summary, gone.Description), cancelled.Sequence, cancelled.LastModified, true));
            }

            var expired = now.AddDays(-7 * (ScheduleFeed.PastWeeks + 1));
            if (set.Exists(r => r.End < expired))
            {
                set.DeleteMany(r => r.End < expired);
            }

            return (IReadOnlyList<PublishedEvent>)[.. result.OrderBy(p => p.Event.Start).ThenBy(p => p.Event.Uid, StringComparer.Ordinal)];
        });

    private static FeedEventRevision Revision(string feed, FeedEvent e, string hash, int sequence, DateTimeOffset now) => new()
    {
        Id = e.Uid,
        Feed = feed,
        Hash = hash,
        Sequence = sequence,
        LastModified = now,
        Start = e.Start,
        End = e.End,
        Summary = e.Summary,
        Description = e.Description,
    };

    private static string Hash(FeedEvent e) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{e.Start:O}|{e.End:O}|{e.Summary}|{e.Description}")))[..16];
}
