using Microsoft.Extensions.DependencyInjection;
using Quartz;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Testing;
using TechFlow.OnCallBot.Jobs;

namespace TechFlow.OnCallBot.Tests.Jobs;

/// <summary>Every timed announcement and escalation step gets a Quartz trigger at its exact instant.</summary>
public sealed class TimedTriggersTests : IAsyncDisposable
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    // Friday 2026-11-27, 16:50 America/New_York; the handoff is at 17:04, off every five-minute boundary.
    private readonly OnCallApp _app = new(Local(2026, 11, 27, 16, 50), new Dictionary<string, string?>
    {
        ["Jobs:Enabled"] = "true",
        ["Team:HandoffTime"] = "17:04",
    });

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private async Task<IScheduler> SchedulerAsync()
    {
        _ = _app.Server;
        return await _app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
    }

    /// <summary>Waits (up to 30 s) for Quartz, on its own thread, to have a trigger named <paramref name="name"/>.</summary>
    private static async Task<ITrigger?> TriggerAsync(IScheduler scheduler, string group, string name)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await scheduler.GetTrigger(new TriggerKey(name, group)) is { } trigger)
            {
                return trigger;
            }

            await Task.Delay(50);
        }

        return null;
    }

    /// <summary>Waits (up to 10 s) for a trigger of <paramref name="job"/> that fires next at <paramref name="at"/>.</summary>
    private static async Task<ITrigger?> FiringAtAsync(IScheduler scheduler, JobKey job, DateTimeOffset at)
    {
        for (var i = 0; i < 200; i++)
        {
            var match = (await scheduler.GetTriggersOfJob(job)).FirstOrDefault(t => t.NextFireTimeUtc == at);
            if (match is not null)
            {
                return match;
            }

            await Task.Delay(50);
        }

        return null;
    }

    [Fact]
    public async Task AddOnCallJobs_ShiftStartsAt1704_AnnouncementTriggerFiresAtExactly1704()
    {
        var scheduler = await SchedulerAsync();

        var any = await FiringAtAsync(scheduler, AnnouncementsJob.Key, Local(2026, 11, 27, 17, 4));

        Assert.NotNull(any);
        var trigger = await scheduler.GetTrigger(new TriggerKey("shift-start:2026-11-27", any.Key.Group));
        Assert.NotNull(trigger);
        Assert.Equal(Local(2026, 11, 27, 17, 4), trigger.NextFireTimeUtc);
        Assert.Equal(Local(2026, 11, 27, 17, 4) + TimeSpan.FromHours(6), trigger.EndTimeUtc);
        Assert.Equal(SimpleTriggerMisfireInstruction.FireNow, Assert.IsAssignableFrom<ISimpleTrigger>(trigger).MisfireInstruction);
        var all = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(trigger.Key.Group));
        Assert.Contains(new TriggerKey("reminder:2026-12-04:mike-rodriguez:7d", trigger.Key.Group), all);
    }

    [Fact]
    public async Task AddOnCallJobs_PageOpened_EscalationTriggerAtItsDueInstantAndGoneOnceAcknowledged()
    {
        var scheduler = await SchedulerAsync();
        var pages = _app.Services.GetRequiredService<PageService>();
        var pipeline = _app.Services.GetRequiredService<PipelineCatalog>().All[0];
        var page = pages.Open(pipeline, "Aggregate Profit is late", "chat", "alex-chen", _app.Time.GetUtcNow()).Page;

        var trigger = await TriggerAsync(scheduler, TimedJob.EscalationGroup, PageEscalationWork.KeyOf(page));

        Assert.NotNull(trigger);
        Assert.Equal(PageEscalationJob.Key, trigger.JobKey);
        Assert.Equal(page.NextEscalationAt, trigger.NextFireTimeUtc);

        var roster = _app.Services.GetRequiredService<OnCall.Core.Roster.RosterService>();
        pages.Acknowledge(page.Id, roster.Find("alex-chen")!, _app.Time.GetUtcNow());
        for (var i = 0; i < 600 && await scheduler.GetTrigger(trigger.Key) is not null; i++)
        {
            await Task.Delay(50);
        }

        Assert.Null(await scheduler.GetTrigger(trigger.Key));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
