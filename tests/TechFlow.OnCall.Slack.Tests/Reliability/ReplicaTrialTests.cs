using System.Globalization;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Slack.Tests.Support;
using TechFlow.OnCall.Testing;
using Xunit.Abstractions;

namespace TechFlow.OnCall.Slack.Tests.Reliability;

/// <summary>
/// Two real hosts on one PostgreSQL database (clustered Quartz, outbox lane leases), a fake Slack failing 30% of
/// calls, one host killed with SIGKILL in the middle of escalations and just before the handoff reminder is due.
/// Skipped with the reason when <c>ONCALL_TEST_POSTGRES</c> is unset, except in CI, where it always runs.
/// </summary>
[Trait("Category", "KillTrials")]
public sealed class ReplicaTrialTests(ITestOutputHelper output)
{
    private static readonly string[] Engineers = ["alex-chen", "lisa-wang", "mike-rodriguez", "sarah-johnson"];

    [SkippableFact]
    public async Task TwoHosts_OneKilledMidEscalationJustBeforeTheReminder_EveryStepAndAnnouncementOnceInOrderAndAckStopsTheClimb()
    {
        using var database = PostgresTestDatabase.Create();
        var started = DateTimeOffset.UtcNow;
        var reminder = Whole(started + TimeSpan.FromSeconds(50));
        await using var trial = await ReplicaTrial.StartAsync(database.ConnectionString, reminder, failureRate: 0.3, seed: 17);
        var (a, b) = (trial.A!, trial.B!);
        output.WriteLine($"both hosts up after {(DateTimeOffset.UtcNow - started).TotalSeconds:F1} s; reminder due {reminder:HH:mm:ss}");

        var pages = new List<string>
        {
            await ReplicaTrial.PageAsync(a, "aggregate-profit", "replica trial: billing feed late"),
            await ReplicaTrial.PageAsync(b, "daily-growth", "replica trial: growth job failed"),
        };
        var swaps = new[] { await SwapAsync(trial, a, 3), await SwapAsync(trial, b, 5) };
        await DelayUntil(reminder - (ReplicaTrial.LevelWait + TimeSpan.FromSeconds(2)));
        var climbing = await ReplicaTrial.PageAsync(a, "executive-investor-aggregate", "replica trial: investor numbers stale");
        pages.Add(climbing);
        pages.Add(await ReplicaTrial.PageAsync(b, "experiment-aggregate", "replica trial: experiment metrics missing"));

        // Kill A right after Slack took one of its page posts (before A could record it), from 6 s before the reminder.
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        trial.Slack.AfterProcessing = call =>
        {
            if (call.Authorization.EndsWith(ReplicaTrial.TokenA, StringComparison.Ordinal) && DateTimeOffset.UtcNow >= reminder.AddSeconds(-6)
                && FakeSlackApi.KeyOf(call.Body)?.StartsWith("page:", StringComparison.Ordinal) == true)
            {
                a.Kill();
                killed.TrySetResult();
            }

            return Task.CompletedTask;
        };
        await Task.WhenAny(killed.Task, DelayUntil(reminder.AddSeconds(-1)));
        a.Kill();
        var killedAt = DateTimeOffset.UtcNow;
        output.WriteLine($"A killed {(reminder - killedAt).TotalSeconds:F1} s before the reminder, {(killed.Task.IsCompleted ? "right after one of its page posts" : "between posts")}");

        var ack = await ReplicaTrial.AskAsync(b, $"/oncall ack {climbing}", "alex-chen");
        var stepsAtAck = trial.Store.Set<Page>().Get(climbing)!.Notifications.Count;
        // Watch two escalation levels past the kill (or the reminder, if later): on a loaded machine the hosts can start
        // so slowly that the kill comes after the reminder, and a window anchored to the reminder alone would be over.
        await DelayUntil((killedAt > reminder ? killedAt : reminder) + (2 * ReplicaTrial.LevelWait) + TimeSpan.FromSeconds(2));
        var stepsLater = trial.Store.Set<Page>().Get(climbing)!.Notifications.Count;
        var afterKill = pages.Where(p => p != climbing).Sum(p => trial.Store.Set<Page>().Get(p)!.Notifications.Count(n => n.At > killedAt));
        foreach (var page in pages)
        {
            await ReplicaTrial.AskAsync(b, $"/oncall resolve {page}", "alex-chen");
        }

        var settled = await trial.SettledAsync(TimeSpan.FromSeconds(150));
        var problems = trial.Problems();
        output.WriteLine($"{trial.Slack.Calls.Count} Slack calls, {trial.Slack.Calls.Count(c => c.Status is 429 or 500)} failed on purpose; {trial.Slack.AllPosted().Count} posts; {afterKill} escalation steps after the kill; done after {(DateTimeOffset.UtcNow - started).TotalSeconds:F0} s");

        Assert.True(settled, "deliveries still open:\n" + string.Join('\n', problems) + "\nB:\n" + b.Output);
        Assert.Empty(problems);
        // The team channel's reminder (its direct messages have keys of their own); each key once is checked above.
        var reminderKey = "handoff-reminder:" + TimeZoneInfo.ConvertTime(reminder, KillTrial.MiddayZone(reminder)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Single(trial.Slack.AllPostedKeys(), k => k == reminderKey);
        Assert.All(swaps, key => Assert.Contains(key, trial.Slack.AllPostedKeys()));
        Assert.Contains("Acknowledged page", ack, StringComparison.Ordinal);
        Assert.Equal(stepsAtAck, stepsLater);
        Assert.True(afterKill > 0, "the survivor took over no escalation step");
    }

    /// <summary>Opens a swap of the shift <paramref name="daysAhead"/> days on through <paramref name="host"/>; returns its channel post's key.</summary>
    private static async Task<string> SwapAsync(ReplicaTrial trial, ChildHost host, int daysAhead)
    {
        var shift = trial.Store.Set<Shift>().Find(s => s.Start > DateTimeOffset.UtcNow.AddDays(daysAhead)).OrderBy(s => s.Start).First();
        var replies = new List<string>();
        foreach (var counterpart in Engineers.Where(e => e != shift.PrimaryId && e != shift.SecondaryId))
        {
            var reply = await ReplicaTrial.AskAsync(host, $"/oncall swap {shift.Id} with @{counterpart}", shift.PrimaryId);
            replies.Add(reply);
            if (reply.Contains("is sent", StringComparison.Ordinal))
            {
                var id = reply.Split("Request ")[1].Split(' ')[0];
                return $"swap:{id}:request:channel";
            }
        }

        throw new InvalidOperationException("No swap could be opened:\n" + string.Join('\n', replies));
    }

    private static async Task DelayUntil(DateTimeOffset instant)
    {
        var wait = instant - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }

    private static DateTimeOffset Whole(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
