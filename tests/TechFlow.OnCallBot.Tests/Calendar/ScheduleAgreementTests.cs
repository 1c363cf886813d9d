using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Testing;
using TechFlow.OnCallBot.Calendar;
using TechFlow.OnCall.Core.Conversation;

namespace TechFlow.OnCallBot.Tests.Calendar;

public class ScheduleAgreementTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ScheduleCommandAndFeed_AfterTimeOff_AgreeWithTheStoredSchedule()
    {
        using var bot = TestBot.Create(Monday);
        await bot.AskAsync("/oncall timeoff add 2026-12-14 2026-12-18", "sarah-johnson");
        var stored = bot.Get<ScheduleService>().Shifts(Monday, Monday.AddDays(7 * 8)).Take(8).ToList();

        var reply = await bot.AskAsync("/oncall schedule 8 weeks");
        var feed = Ical.Net.Calendar.Load(bot.Get<ScheduleFeed>().Team(Monday, Monday.AddDays(7 * 8)))!.Events;

        var rows = reply.Table!.Rows;
        Assert.Equal(stored.Count, rows.Count);
        for (var i = 0; i < stored.Count; i++)
        {
            Assert.Equal(ReplyMarkup.Person(stored[i].PrimaryId), rows[i][1]);
            Assert.Equal(ReplyMarkup.Person(stored[i].SecondaryId), rows[i][2]);
            var e = Assert.Single(feed, x => x.Uid == ScheduleFeed.Uid(stored[i].Id, null));
            var primary = bot.Get<RosterService>().Find(stored[i].PrimaryId)!.Name;
            Assert.Contains($"{primary} (primary)", e.Summary, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(stored.Where(s => bot.Get<TeamClock>().LocalDate(s.Start) >= new DateOnly(2026, 12, 4)), s => s.PrimaryId == "sarah-johnson" && s.Start < new DateTimeOffset(2026, 12, 19, 0, 0, 0, TimeSpan.Zero));
    }
}
