using System.Collections.Concurrent;
using TechFlow.OnCall.Core.ReadModel;

namespace TechFlow.OnCall.Slack.Commands;

/// <summary>
/// Rendered answers to read-only slash commands (the on-call lookup), kept for the minute they were asked in, so a
/// burst of the same question is answered from the bytes rendered once.
/// </summary>
/// <remarks>
/// <para>An answer is keyed on the <see cref="OnCallReadModel.AnswerGeneration"/> read before it was computed (every
/// commit changes it, so a swap or time off committed a moment ago is never hidden behind an older answer), the minute
/// it was computed for (its times and distances have minute resolution; team zones are whole-minute offsets, so the
/// UTC minute is the team-local one), the command and its exact text. Lookup answers do not depend on who asks, and
/// these are Block Kit renderings, so neither the asker nor the platform is in the key.</para>
/// <para>Only the current generation and minute are kept, at most <see cref="Capacity"/> texts of them: a new
/// generation or minute starts an empty set, so memory stays bounded and nothing stale is kept.</para>
/// </remarks>
public sealed class SlashAnswerMemo(OnCallReadModel readModel, TimeProvider time)
{
    /// <summary>The most distinct texts kept for one generation and minute; further ones are answered but not kept.</summary>
    public const int Capacity = 256;

    private volatile Bucket? _bucket;

    /// <summary>Where a new answer would be kept: null when answers must not be memoised now (see <see cref="OnCallReadModel.AnswerGeneration"/>).</summary>
    public Stamp? Now() => readModel.AnswerGeneration() is { } generation ? new Stamp(generation, time.GetUtcNow()) : null;

    /// <summary>The kept answer for the command and text at <paramref name="stamp"/>, if any.</summary>
    public byte[]? Find(Stamp stamp, string command, string text) =>
        _bucket is { } bucket && bucket.Generation == stamp.Generation && bucket.Minute == stamp.Minute
        && bucket.Answers.TryGetValue((command, text), out var answer) ? answer : null;

    /// <summary>Keeps <paramref name="answer"/>, computed after <paramref name="stamp"/> was taken.</summary>
    public void Keep(Stamp stamp, string command, string text, byte[] answer)
    {
        while (true)
        {
            var bucket = _bucket;
            if (bucket is null || bucket.Generation != stamp.Generation || bucket.Minute != stamp.Minute)
            {
                // Only a newer stamp replaces the set: an answer that took long to compute never evicts newer ones.
                if (bucket is not null && (stamp.Generation < bucket.Generation || (stamp.Generation == bucket.Generation && stamp.Minute < bucket.Minute)))
                {
                    return;
                }

                var fresh = new Bucket(stamp.Generation, stamp.Minute);
                if (Interlocked.CompareExchange(ref _bucket, fresh, bucket) != bucket)
                {
                    continue;
                }

                bucket = fresh;
            }

            if (bucket.Answers.Count < Capacity)
            {
                bucket.Answers.TryAdd((command, text), answer);
            }

            return;
        }
    }

    /// <summary>The generation and the instant an answer is computed for (the instant's minute is in the key).</summary>
    public readonly record struct Stamp(long Generation, DateTimeOffset At)
    {
        public long Minute => At.UtcTicks / TimeSpan.TicksPerMinute;
    }

    private sealed class Bucket(long generation, long minute)
    {
        public long Generation { get; } = generation;

        public long Minute { get; } = minute;

        public ConcurrentDictionary<(string Command, string Text), byte[]> Answers { get; } = new();
    }
}
