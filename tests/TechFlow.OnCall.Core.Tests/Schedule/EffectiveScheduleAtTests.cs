using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Schedule;

/// <summary>Who is on call around a Friday 17:00 America/New_York handoff, across daylight saving, and under overrides.</summary>
public class EffectiveScheduleAtTests
{
    // Monday 2026-11-23 10:00 EST; the handoff is Friday 2026-11-27 17:00 EST = 22:00 UTC.
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Handoff = new(2026, 11, 27, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AskAsync_OneMinuteBeforeHandoff_NamesOutgoingShiftUntil5pm()
    {
        using var bot = TestBot.Create(Monday);
        var outgoing = bot.Get<ScheduleService>().ShiftAt(Handoff.AddMinutes(-1))!;
        bot.Time.SetUtcNow(Handoff.AddMinutes(-1));

        var text = await bot.AskTextAsync("/oncall");

        Assert.Equal("2026-11-20", outgoing.Id);
        Assert.Contains($"Primary: {Name(bot, outgoing.PrimaryId)} until Friday 5:00 PM EST, in 1 minute", text);
        Assert.Contains($"Secondary: {Name(bot, outgoing.SecondaryId)} until Friday 5:00 PM EST, in 1 minute", text);
        Assert.Contains("Fri Nov 20 5:00 PM → Fri Nov 27 5:00 PM EST", text);
    }

    [Fact]
    public async Task AskAsync_OneMinuteAfterHandoff_NamesIncomingShiftUntilNextFriday()
    {
        using var bot = TestBot.Create(Monday);
        var outgoing = bot.Get<ScheduleService>().ShiftAt(Handoff.AddMinutes(-1))!;
        var incoming = bot.Get<ScheduleService>().ShiftAt(Handoff.AddMinutes(1))!;
        bot.Time.SetUtcNow(Handoff.AddMinutes(1));

        var text = await bot.AskTextAsync("/oncall");

        Assert.Equal("2026-11-27", incoming.Id);
        Assert.NotEqual(outgoing.PrimaryId, incoming.PrimaryId);
        Assert.Contains($"Primary: {Name(bot, incoming.PrimaryId)} until Fri Dec 4, 5:00 PM EST, in 6 days", text);
        Assert.Contains($"Secondary: {Name(bot, incoming.SecondaryId)} until Fri Dec 4, 5:00 PM EST", text);
        Assert.DoesNotContain($"Primary: {Name(bot, outgoing.PrimaryId)} ", text);
    }

    [Theory]
    [InlineData(-1, "2026-11-20")]
    [InlineData(0, "2026-11-27")]
    [InlineData(1, "2026-11-27")]
    public void At_AroundHandoff_PicksTheShiftWhoseWindowContainsTheInstant(int minutes, string shiftId)
    {
        using var bot = TestBot.Create(Monday);

        var snapshot = bot.Get<EffectiveSchedule>().At(Handoff.AddMinutes(minutes))!;

        Assert.Equal(shiftId, snapshot.Shift.Id);
        Assert.Equal(snapshot.Shift.PlannedPrimary.Id, snapshot.Primary.HolderId);
        Assert.Equal(snapshot.Shift.End, snapshot.Primary.Until);
    }

    [Fact]
    public async Task AskAsync_PipelineAtBeforeAndAfterHandoff_NamesEachShiftsPrimary()
    {
        using var bot = TestBot.Create(Monday);
        var schedule = bot.Get<ScheduleService>();
        var before = schedule.ShiftAt(Handoff.AddMinutes(-1))!;
        var after = schedule.ShiftAt(Handoff.AddMinutes(1))!;

        var beforeText = await bot.AskTextAsync("/oncall aggregate profit 2026-11-27T16:59");
        var afterText = await bot.AskTextAsync("/oncall aggregate profit 2026-11-27T17:01");

        Assert.Contains($"Primary: {Name(bot, before.PrimaryId)} until", beforeText);
        Assert.Contains($"Primary: {Name(bot, after.PrimaryId)} until", afterText);
        Assert.Contains("Owners:", afterText);
    }

    [Fact]
    public void At_FallBackWeek_ShiftRunsFrom5pmEdtTo5pmEst()
    {
        // 2026-11-01 02:00 EDT falls back to 01:00 EST; the week around it is 169 hours long.
        using var bot = TestBot.Create(new DateTimeOffset(2026, 10, 28, 15, 0, 0, TimeSpan.Zero));

        var snapshot = bot.Get<EffectiveSchedule>().At(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero))!; // 01:30 EDT

        Assert.Equal("2026-10-30", snapshot.Shift.Id);
        Assert.Equal(new DateTimeOffset(2026, 10, 30, 21, 0, 0, TimeSpan.Zero), snapshot.Shift.Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 6, 22, 0, 0, TimeSpan.Zero), snapshot.Primary.Until);
        Assert.Equal(TimeSpan.FromHours(169), snapshot.Shift.End - snapshot.Shift.Start);
    }

    [Fact]
    public async Task AskAsync_AroundFallBackHandoffs_UntilStays5pmLocal()
    {
        using var bot = TestBot.Create(new DateTimeOffset(2026, 10, 28, 15, 0, 0, TimeSpan.Zero));

        bot.Time.SetUtcNow(new DateTimeOffset(2026, 10, 30, 20, 59, 0, TimeSpan.Zero)); // Fri 16:59 EDT
        var beforeEdt = await bot.AskTextAsync("/oncall");
        bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 1, 6, 30, 0, TimeSpan.Zero)); // Sun 01:30 EST, the repeated hour
        var duringChange = await bot.AskTextAsync("/oncall");
        bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 6, 21, 59, 0, TimeSpan.Zero)); // Fri 16:59 EST
        var beforeEst = await bot.AskTextAsync("/oncall");

        Assert.Contains("until Friday 5:00 PM EDT, in 1 minute", beforeEdt);
        Assert.Contains("until Friday 5:00 PM EST, in 5 days", duringChange);
        Assert.Contains("until Friday 5:00 PM EST, in 1 minute", beforeEst);
    }

    [Fact]
    public async Task AskAsync_AroundSpringForward_UntilStays5pmLocal()
    {
        // 2026-03-08 02:00 EST springs forward to 03:00 EDT; the week around it is 167 hours long.
        using var bot = TestBot.Create(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));
        var resolver = bot.Get<EffectiveSchedule>();

        var before = resolver.At(new DateTimeOffset(2026, 3, 6, 21, 59, 0, TimeSpan.Zero))!; // Fri 16:59 EST
        var across = resolver.At(new DateTimeOffset(2026, 3, 8, 12, 0, 0, TimeSpan.Zero))!;
        bot.Time.SetUtcNow(new DateTimeOffset(2026, 3, 13, 20, 59, 0, TimeSpan.Zero)); // Fri 16:59 EDT
        var text = await bot.AskTextAsync("/oncall");

        Assert.Equal(new DateTimeOffset(2026, 3, 6, 22, 0, 0, TimeSpan.Zero), before.Primary.Until);
        Assert.Equal("2026-03-06", across.Shift.Id);
        Assert.Equal(new DateTimeOffset(2026, 3, 13, 21, 0, 0, TimeSpan.Zero), across.Primary.Until);
        Assert.Equal(TimeSpan.FromHours(167), across.Shift.End - across.Shift.Start);
        Assert.Contains("until Friday 5:00 PM EDT, in 1 minute", text);
    }

    [Fact]
    public async Task AskAsync_UnderOverride_NamesReplacementCoveringForScheduledPerson()
    {
        using var bot = TestBot.Create(Monday);
        var shift = bot.Get<ScheduleService>().ShiftAt(Monday)!;
        var cover = bot.Get<Core.Roster.RosterService>().Rotation().First(e => e.Id != shift.PrimaryId && e.Id != shift.SecondaryId);
        var end = Monday.AddDays(2);
        bot.Store.Write(tx => tx.Set<ScheduleOverride>().Upsert(new ScheduleOverride
        {
            Id = "override-1",
            Start = Monday.AddHours(-1),
            End = end,
            Role = ShiftRole.Primary,
            EngineerId = cover.Id,
            ReplacesId = shift.PrimaryId,
            CreatedAt = Monday.AddHours(-2),
        }));

        var text = await bot.AskTextAsync("/oncall");
        var afterOverride = bot.Get<EffectiveSchedule>().At(end.AddMinutes(1))!;

        Assert.Contains($"Primary: {cover.Name} until Wednesday 10:00 AM EST, in 2 days (covering for {Name(bot, shift.PrimaryId)})", text);
        Assert.Contains($"Secondary: {Name(bot, shift.SecondaryId)} until Friday 5:00 PM EST", text);
        Assert.Equal(shift.PrimaryId, afterOverride.Primary.HolderId);
        Assert.Null(afterOverride.Primary.Override);
    }

    [Fact]
    public async Task AskAsync_PipelineUnderOverride_EscalatesToTheReplacementFirst()
    {
        using var bot = TestBot.Create(Monday);
        var shift = bot.Get<ScheduleService>().ShiftAt(Monday)!;
        var cover = bot.Get<Core.Roster.RosterService>().Rotation().First(e => e.Id != shift.PrimaryId && e.Id != shift.SecondaryId);
        bot.Store.Write(tx => tx.Set<ScheduleOverride>().Upsert(new ScheduleOverride
        {
            Id = "override-escalation",
            Start = Monday.AddHours(-1),
            End = Monday.AddDays(1),
            Role = ShiftRole.Primary,
            EngineerId = cover.Id,
            ReplacesId = shift.PrimaryId,
        }));

        var text = await bot.AskTextAsync("/oncall aggregate profit");

        Assert.Contains($"Escalation: 1. {cover.Name} (primary on call, 30 minutes)", text);
        Assert.Contains($"(covering for {Name(bot, shift.PrimaryId)})", text);
    }

    [Fact]
    public void At_UpcomingOverride_CutsUntilShortAtItsStart()
    {
        using var bot = TestBot.Create(Monday);
        var shift = bot.Get<ScheduleService>().ShiftAt(Monday)!;
        var cover = bot.Get<Core.Roster.RosterService>().Rotation().First(e => e.Id != shift.PrimaryId && e.Id != shift.SecondaryId);
        var start = Monday.AddDays(1);
        bot.Store.Write(tx => tx.Set<ScheduleOverride>().Upsert(new ScheduleOverride
        {
            Id = "override-later",
            Start = start,
            End = start.AddDays(1),
            Role = ShiftRole.Primary,
            EngineerId = cover.Id,
            ReplacesId = shift.PrimaryId,
        }));

        var snapshot = bot.Get<EffectiveSchedule>().At(Monday)!;

        Assert.Equal(shift.PrimaryId, snapshot.Primary.HolderId);
        Assert.Equal(start, snapshot.Primary.Until);
    }

    [Fact]
    public void At_OverlappingOverrides_LatestActiveWinsAndCancelledIsIgnored()
    {
        using var bot = TestBot.Create(Monday);
        var shift = bot.Get<ScheduleService>().ShiftAt(Monday)!;
        var others = bot.Get<Core.Roster.RosterService>().Rotation().Where(e => e.Id != shift.PrimaryId).Select(e => e.Id).ToList();
        ScheduleOverride Make(string id, string who, int createdMinutes, bool cancelled = false) => new()
        {
            Id = id,
            Start = Monday.AddHours(-1),
            End = Monday.AddHours(5),
            Role = ShiftRole.Primary,
            EngineerId = who,
            ReplacesId = shift.PrimaryId,
            CreatedAt = Monday.AddMinutes(createdMinutes),
            CancelledAt = cancelled ? Monday : null,
        };
        bot.Store.Write(tx =>
        {
            tx.Set<ScheduleOverride>().Upsert(Make("older", others[0], -30));
            tx.Set<ScheduleOverride>().Upsert(Make("newer", others[1], -20));
            tx.Set<ScheduleOverride>().Upsert(Make("cancelled", others[2], -10, cancelled: true));
        });

        var snapshot = bot.Get<EffectiveSchedule>().At(Monday)!;

        Assert.Equal(others[1], snapshot.Primary.HolderId);
        Assert.Equal("newer", snapshot.Primary.Override?.Id);
    }

    private static string Name(TestBot bot, string engineerId) => bot.Get<Core.Roster.RosterService>().Find(engineerId)!.Name;
}
