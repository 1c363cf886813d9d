using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Schedule.Fair;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Schedule.Fair;

public class ScheduleRegeneratorTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Regenerate_NothingChanged_ChangesNothing()
    {
        using var bot = TestBot.Create(Monday);

        var result = bot.Get<ScheduleRegenerator>().Regenerate();

        Assert.Empty(result.Changes);
        Assert.Empty(result.MovedEngineerIds);
        Assert.Equal(0, bot.Store.Set<OutboxMessage>().Count());
    }

    [Fact]
    public void Regenerate_TimeOffInFrozenAndOverriddenWindows_KeepsThemAndReplansTheRest()
    {
        using var bot = TestBot.Create(Monday);
        var schedule = bot.Get<ScheduleService>();
        var frozen = schedule.ShiftAt(Monday.AddDays(7))!;
        var overridden = schedule.ShiftAt(Monday.AddDays(7 * 5))!;
        var free = schedule.ShiftAt(Monday.AddDays(7 * 8))!;
        bot.Store.Write(tx =>
        {
            tx.Set<ScheduleOverride>().Upsert(new ScheduleOverride
            {
                Id = "o1", Start = overridden.Start, End = overridden.Start.AddDays(1), Role = ShiftRole.Secondary,
                EngineerId = overridden.PrimaryId == "alex-chen" ? "sarah-johnson" : "alex-chen", CreatedAt = Monday,
            });
            foreach (var (shift, k) in new[] { (frozen, 1), (overridden, 2), (free, 3) })
            {
                var clock = bot.Get<TeamClock>();
                tx.Set<TimeOff>().Upsert(new TimeOff { Id = $"t{k}", EngineerId = shift.PrimaryId, From = clock.LocalDate(shift.Start).AddDays(2), To = clock.LocalDate(shift.Start).AddDays(3) });
            }
        });

        var result = bot.Get<ScheduleRegenerator>().Regenerate();

        Assert.Equal(frozen, schedule.ShiftAt(frozen.Start));
        Assert.Equal(overridden, schedule.ShiftAt(overridden.Start));
        Assert.NotEqual(free.PrimaryId, schedule.ShiftAt(free.Start)!.PrimaryId);
        Assert.Contains(result.Changes, c => c.ShiftId == free.Id);
        Assert.DoesNotContain(result.Changes, c => c.ShiftId == frozen.Id || c.ShiftId == overridden.Id);
        Assert.Contains(free.PrimaryId, result.MovedEngineerIds);
        var dms = bot.Store.Set<OutboxMessage>().Find(m => m.Kind == "schedule-moved");
        Assert.Equal(result.MovedEngineerIds.Order(StringComparer.Ordinal), dms.Select(m => m.DirectTo!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Regenerate_Twice_SecondRunChangesNothingAndSendsNoNewDm()
    {
        using var bot = TestBot.Create(Monday);
        var later = bot.Get<ScheduleService>().ShiftAt(Monday.AddDays(7 * 10))!;
        bot.Store.Write(tx => tx.Set<TimeOff>().Upsert(new TimeOff { Id = "t", EngineerId = later.SecondaryId, From = bot.Get<TeamClock>().LocalDate(later.Start).AddDays(1), To = bot.Get<TeamClock>().LocalDate(later.Start).AddDays(2) }));
        var regenerator = bot.Get<ScheduleRegenerator>();
        regenerator.Regenerate();
        var messages = bot.Store.Set<OutboxMessage>().Count();

        var second = regenerator.Regenerate();

        Assert.Empty(second.Changes);
        Assert.Equal(messages, bot.Store.Set<OutboxMessage>().Count());
    }

    [Fact]
    public void Regenerate_Rebalance_KeepsFrozenAndEveryRule()
    {
        using var bot = TestBot.Create(Monday);
        var schedule = bot.Get<ScheduleService>();
        var frozen = schedule.ShiftAt(Monday.AddDays(7))!;

        bot.Get<ScheduleRegenerator>().Regenerate(RegenerationMode.Rebalance);

        Assert.Equal(frozen, schedule.ShiftAt(frozen.Start));
        var shifts = bot.Store.Set<Shift>().All().OrderBy(s => s.Start).ToList();
        var facts = bot.Get<WindowFactsCalculator>().For([.. shifts.Select(s => s.Window)]).ToDictionary(f => f.Window.Id);
        Assert.Empty(bot.Get<ScheduleRules>().Check(shifts, facts, bot.Get<Roster.RosterService>().Rotation(), []));
    }
}
