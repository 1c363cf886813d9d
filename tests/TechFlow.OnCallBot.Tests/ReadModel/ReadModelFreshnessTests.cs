using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TechFlow.OnCall.Core.ReadModel;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Core.Swaps;
using TechFlow.OnCall.Storage;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCallBot.Tests.ReadModel;

/// <summary>
/// Answers read the in-memory read model, and a committed change (a swap, time off, a roster edit) is in the very
/// next answer; nothing uncommitted ever is.
/// </summary>
public class ReadModelFreshnessTests
{
    // Monday 2026-11-23 10:00 EST: the 2026-11-20 shift is on, 2026-12-04 is outside the frozen weeks.
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Answer_AfterApprovedSwap_NamesTheNewPrimaryAtOnce()
    {
        using var bot = TestBot.Create(Monday);
        var shift = bot.Get<EffectiveSchedule>().Shifts(Monday.AddDays(12), Monday.AddDays(12).AddHours(1)).Single();
        var planned = shift.PlannedPrimary;
        var swapper = bot.Get<RosterService>().Rotation().First(e => e.Id != shift.PlannedPrimary.Id && e.Id != shift.PlannedSecondary.Id);
        var before = await bot.AskTextAsync("/oncall at 2026-12-05");
        Assert.Contains($"Primary: {planned.Name}", before, StringComparison.Ordinal);

        await bot.AskTextAsync($"/oncall swap 2026-12-04 with @{swapper.Id}", planned.Id);
        var swap = bot.Store.Set<SwapRequest>().Find(r => r.Status == SwapStatus.Open).Single();
        await bot.PressAsync(SwapMessages.Approve, swap.Id, swapper.Id);
        var after = await bot.AskTextAsync("/oncall at 2026-12-05");

        Assert.Contains($"Primary: {swapper.Name}", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"Primary: {planned.Name}", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_AfterTimeOffToday_NeverNamesThePersonAway()
    {
        using var bot = TestBot.Create(Monday);
        var primary = bot.Get<EffectiveSchedule>().At(Monday)!.Primary.Holder!;
        Assert.Contains($"Primary: {primary.Name}", await bot.AskTextAsync("/oncall aggregate profit"), StringComparison.Ordinal);

        await bot.AskTextAsync("/oncall timeoff add 2026-11-23 2026-11-24 flu", primary.Id);
        var after = await bot.AskTextAsync("/oncall aggregate profit");

        Assert.DoesNotContain($"Primary: {primary.Name}", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"1. {primary.Name}", after, StringComparison.Ordinal);
        Assert.Contains("uncovered", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_AfterRolledBackWrite_KeepsTheCommittedState()
    {
        using var bot = TestBot.Create(Monday);
        var before = await bot.AskTextAsync("/oncall");
        var alex = bot.Get<RosterService>().Find("alex-chen")!;

        Assert.Throws<InvalidOperationException>(() => bot.Store.Write(tx =>
        {
            tx.Set<Engineer>().Upsert(alex with { Name = "Uncommitted Name" });
            // Inside the unit of work the roster reads the transaction, and sees its own change.
            Assert.Equal("Uncommitted Name", bot.Get<RosterService>().Find("alex-chen")!.Name);
            throw new InvalidOperationException("roll back");
        }));

        Assert.Equal("Alex Chen", bot.Get<RosterService>().Find("alex-chen")!.Name);
        Assert.Equal(before, await bot.AskTextAsync("/oncall"));
    }

    [Fact]
    public async Task Answer_AfterRosterEdit_UsesTheNewName()
    {
        using var bot = TestBot.Create(Monday);
        var primary = bot.Get<EffectiveSchedule>().At(Monday)!.Primary.Holder!;
        await bot.AskTextAsync("/oncall");

        bot.Store.Write(tx => tx.Set<Engineer>().Upsert(primary with { Name = "Renamed Person" }));

        Assert.Contains("Primary: Renamed Person", await bot.AskTextAsync("/oncall"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_WithWarmReadModel_ReadsNoRecordFromTheStore()
    {
        var counting = new CountingStore(new LiteDbStore(":memory:"));
        using var bot = TestBot.Create(Monday, configure: services =>
        {
            services.RemoveAll<IOnCallStore>();
            services.AddSingleton<IOnCallStore>(counting);
        });
        await bot.AskTextAsync("/oncall aggregate profit");
        var reads = counting.Reads;

        var answer = await bot.AskTextAsync("/oncall aggregate profit");

        Assert.Contains("Escalation: 1.", answer, StringComparison.Ordinal);
        Assert.Equal(reads, counting.Reads);
    }

    [Fact]
    public async Task ReadModel_CommitsRacingReaders_NextReadAfterEachWriteSeesIt()
    {
        using var bot = TestBot.Create(Monday);
        var roster = bot.Get<RosterService>();
        var alex = roster.Find("alex-chen")!;
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 2).Select(reader => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                _ = bot.Get<EffectiveSchedule>().At(Monday);
                _ = roster.Find("alex-chen");
            }
        })).ToList();

        var stale = new List<int>();
        for (var i = 0; i < 200; i++)
        {
            var name = $"Alex {i}";
            bot.Store.Write(tx => tx.Set<Engineer>().Upsert(alex with { Name = name }));
            if (roster.Find("alex-chen")!.Name != name)
            {
                stale.Add(i);
            }
        }

        stop.Cancel();
        await Task.WhenAll(readers);
        Assert.Empty(stale);
        Assert.True(bot.Get<OnCallReadModel>().Loads >= 200, $"only {bot.Get<OnCallReadModel>().Loads} loads");
    }

    [Fact]
    public async Task ReadModel_CommitOfOtherRecords_KeepsTheSnapshot()
    {
        using var bot = TestBot.Create(Monday);
        await bot.AskTextAsync("/oncall");
        var model = bot.Get<OnCallReadModel>();
        var loads = model.Loads;

        await bot.AskTextAsync("/oncall page aggregate profit numbers are late", "alex-chen");
        await bot.AskTextAsync("/oncall");

        Assert.Equal(loads, model.Loads);
    }
}
