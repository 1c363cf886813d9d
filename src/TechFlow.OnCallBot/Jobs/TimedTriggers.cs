using Quartz;

namespace TechFlow.OnCallBot.Jobs;

/// <summary>
/// Keeps one Quartz trigger per timed item due in the next <see cref="Horizon"/>: at its exact instant (computed in
/// the team's zone by the work itself), firing once, with <c>FireNow</c> as the misfire instruction and an end at
/// the item's window. Items that moved are rescheduled; triggers of items that disappeared are removed unless they
/// are about to fire (firing a job with nothing due is harmless, dropping a due one is not).
/// </summary>
internal sealed class TimedTriggers(IEnumerable<TimedJob> jobs)
{
    /// <summary>How far ahead triggers are kept.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(2);

    private static readonly TimeSpan AboutToFire = TimeSpan.FromMinutes(1);

    /// <summary>Brings the triggers in line with what is due after <paramref name="now"/>; returns how many changed.</summary>
    public async Task<int> RefreshAsync(IScheduler scheduler, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var job in jobs)
        {
            var wanted = job.Work.DueBetween(now, now + Horizon)
                .GroupBy(i => i.Key)
                .ToDictionary(g => new TriggerKey(g.Key, job.Group), g => g.Min(i => i.Due));
            foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(job.Group), cancellationToken))
            {
                var existing = await scheduler.GetTrigger(key, cancellationToken);
                if (existing is null)
                {
                    continue;
                }

                if (wanted.Remove(key, out var due))
                {
                    if (existing.StartTimeUtc != due)
                    {
                        await scheduler.RescheduleJob(key, Build(job, key, due), cancellationToken);
                        changed++;
                    }
                }
                else if (existing.NextFireTimeUtc is { } next && next > now + AboutToFire)
                {
                    await scheduler.UnscheduleJob(key, cancellationToken);
                    changed++;
                }
            }

            foreach (var (key, due) in wanted)
            {
                await scheduler.ScheduleJob(Build(job, key, due), cancellationToken: cancellationToken);
                changed++;
            }
        }

        return changed;
    }

    private static ITrigger Build(TimedJob job, TriggerKey key, DateTimeOffset due)
    {
        var trigger = TriggerBuilder.Create()
            .WithIdentity(key)
            .ForJob(job.Job)
            .WithDescription($"{job.Work.Name}: {key.Name} due {due:u}")
            .StartAt(due)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow));
        if (job.Window is { } window)
        {
            trigger.EndAt(due + (window > TimeSpan.Zero ? window : TimeSpan.FromMinutes(1)));
        }

        return trigger.Build();
    }
}
