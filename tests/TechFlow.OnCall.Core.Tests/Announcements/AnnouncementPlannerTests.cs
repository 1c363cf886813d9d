using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Testing;
using static TechFlow.OnCall.Core.Tests.Announcements.AnnouncementDriver;

namespace TechFlow.OnCall.Core.Tests.Announcements;

public class AnnouncementPlannerTests
{
    [Fact]
    public void Plan_MonthWithDstMonthEndAndThanksgiving_PostsExactlyTheseMessagesOnTime()
    {
        using var bot = TestBot.Create(Local(2026, 10, 26, 0), configure: s => s.AddSingleton<IScheduleGenerator, RoundRobinGenerator>());

        var posted = Drive(bot, Local(2026, 12, 1, 0));

        string[] expected =
        [
            "2026-10-26 09:00 investor-start:2026-10",
            "2026-10-29 17:00 reminder:2026-10-30:lisa-wang:1d",
            "2026-10-29 17:00 reminder:2026-10-30:mike-rodriguez:1d",
            "2026-10-30 10:00 handoff-reminder:2026-10-30",
            "2026-10-30 10:00 handoff-reminder:2026-10-30:dm",
            "2026-10-30 17:00 shift-start:2026-10-30",
            "2026-10-30 17:00 reminder:2026-11-06:mike-rodriguez:7d",
            "2026-10-30 17:00 reminder:2026-11-06:sarah-johnson:7d",
            "2026-10-30 17:00 investor-end:2026-10",
            "2026-11-04 09:00 holiday:2026-11-11",
            "2026-11-05 17:00 reminder:2026-11-06:mike-rodriguez:1d",
            "2026-11-05 17:00 reminder:2026-11-06:sarah-johnson:1d",
            "2026-11-06 10:00 handoff-reminder:2026-11-06",
            "2026-11-06 10:00 handoff-reminder:2026-11-06:dm",
            "2026-11-06 17:00 shift-start:2026-11-06",
            "2026-11-06 17:00 reminder:2026-11-13:sarah-johnson:7d",
            "2026-11-06 17:00 reminder:2026-11-13:alex-chen:7d",
            "2026-11-12 17:00 reminder:2026-11-13:sarah-johnson:1d",
            "2026-11-12 17:00 reminder:2026-11-13:alex-chen:1d",
            "2026-11-13 10:00 handoff-reminder:2026-11-13",
            "2026-11-13 10:00 handoff-reminder:2026-11-13:dm",
            "2026-11-13 17:00 shift-start:2026-11-13",
            "2026-11-13 17:00 reminder:2026-11-20:alex-chen:7d",
            "2026-11-13 17:00 reminder:2026-11-20:lisa-wang:7d",
            "2026-11-19 09:00 investor-warning:2026-11",
            "2026-11-19 09:00 holiday:2026-11-26",
            "2026-11-19 17:00 reminder:2026-11-20:alex-chen:1d",
            "2026-11-19 17:00 reminder:2026-11-20:lisa-wang:1d",
            "2026-11-20 10:00 handoff-reminder:2026-11-20",
            "2026-11-20 10:00 handoff-reminder:2026-11-20:dm",
            "2026-11-20 17:00 shift-start:2026-11-20",
            "2026-11-20 17:00 reminder:2026-11-27:lisa-wang:7d",
            "2026-11-20 17:00 reminder:2026-11-27:mike-rodriguez:7d",
            "2026-11-23 09:00 investor-start:2026-11",
            "2026-11-26 17:00 reminder:2026-11-27:lisa-wang:1d",
            "2026-11-26 17:00 reminder:2026-11-27:mike-rodriguez:1d",
            "2026-11-27 10:00 handoff-reminder:2026-11-27",
            "2026-11-27 10:00 handoff-reminder:2026-11-27:dm",
            "2026-11-27 17:00 shift-start:2026-11-27",
            "2026-11-27 17:00 reminder:2026-12-04:mike-rodriguez:7d",
            "2026-11-27 17:00 reminder:2026-12-04:sarah-johnson:7d",
            "2026-11-30 17:00 investor-end:2026-11",
        ];
        Assert.Equal(expected, posted);
        Assert.Equal(expected.Length, bot.Store.Set<OutboxMessage>().Count());
    }

    [Fact]
    public void Plan_AcrossDaylightSavingChange_KeepsHandoffRemindersAtTenLocal()
    {
        using var bot = TestBot.Create(Local(2026, 10, 26, 0), configure: s => s.AddSingleton<IScheduleGenerator, RoundRobinGenerator>());

        Drive(bot, Local(2026, 11, 7, 0));

        var messages = bot.Store.Set<OutboxMessage>();
        Assert.Equal(new DateTimeOffset(2026, 10, 30, 14, 0, 0, TimeSpan.Zero), messages.Get("handoff-reminder:2026-10-30")!.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 6, 15, 0, 0, TimeSpan.Zero), messages.Get("handoff-reminder:2026-11-06")!.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 6, 22, 0, 0, TimeSpan.Zero), messages.Get("shift-start:2026-11-06")!.CreatedAt);
    }

    [Fact]
    public void Plan_FridayHandoff_WritesTheReminderTheDmAndTheShiftStart()
    {
        using var bot = StartAt(Local(2026, 11, 26, 12));

        Drive(bot, Local(2026, 11, 27, 18));

        var messages = bot.Store.Set<OutboxMessage>();
        var reminder = messages.Get("handoff-reminder:2026-11-27")!;
        var text = PlainTextRenderer.Render(reminder.Reply, TestFrontEnds.Chat.CommandPrefix);
        Assert.Null(reminder.DirectTo);
        Assert.Contains("Outgoing: Alex Chen (primary) and Lisa Wang (secondary).", text);
        Assert.Contains("Incoming: Lisa Wang (primary) and Mike Rodriguez (secondary), until Fri Dec 4, 5:00 PM EST.", text);
        Assert.Contains("Investor period: Fri Nov 27, Mon Nov 30", text);
        Assert.Contains("/oncall runbook <pipeline>", text);
        var dm = messages.Get("handoff-reminder:2026-11-27:dm")!;
        Assert.Equal("lisa-wang", dm.DirectTo);
        Assert.Contains("Mike Rodriguez", PlainTextRenderer.Render(dm.Reply, TestFrontEnds.Chat.CommandPrefix));
        var start = PlainTextRenderer.Render(messages.Get("shift-start:2026-11-27")!.Reply, TestFrontEnds.Chat.CommandPrefix);
        Assert.Contains("Lisa Wang is now primary on call until Fri Dec 4, 5:00 PM EST. Secondary: Mike Rodriguez.", start);
    }

    [Fact]
    public void Plan_InvestorWarning_ListsInvestorPipelinesWithSlasAndWhoIsOnCall()
    {
        using var bot = StartAt(Local(2026, 11, 19, 8));

        Drive(bot, Local(2026, 11, 19, 9));

        var text = PlainTextRenderer.Render(bot.Store.Set<OutboxMessage>().Get("investor-warning:2026-11")!.Reply, TestFrontEnds.Chat.CommandPrefix);
        Assert.Contains("The investor period starts Mon Nov 23 and runs through Mon Nov 30", text);
        Assert.Contains("Aggregate Growth", text);
        Assert.Contains("5:00 AM EST", text);
        Assert.Contains("Alex Chen (primary), Lisa Wang (secondary)", text);
        Assert.Contains("Lisa Wang (primary), Mike Rodriguez (secondary)", text);
        Assert.Contains("Every pipeline is watched closely", text);
        Assert.DoesNotContain("Unit Profit", text);
    }

    [Fact]
    public void Plan_HolidayHeadsUp_SaysWhoCoversTheDay()
    {
        using var bot = StartAt(Local(2026, 11, 19, 8));

        Drive(bot, Local(2026, 11, 19, 9));

        var text = PlainTextRenderer.Render(bot.Store.Set<OutboxMessage>().Get("holiday:2026-11-26")!.Reply, TestFrontEnds.Chat.CommandPrefix);
        Assert.Contains("Thanksgiving, Thu Nov 26, 2026", text);
        Assert.Contains("Alex Chen is primary and Lisa Wang secondary on call that day.", text);
    }

    [Fact]
    public void Plan_SameInstantTwice_PostsNothingTheSecondTime()
    {
        using var bot = StartAt(Local(2026, 11, 27, 10));
        var planner = bot.Get<AnnouncementPlanner>();

        var first = planner.Plan(bot.Time.GetUtcNow());
        var second = planner.Plan(bot.Time.GetUtcNow());

        Assert.Equal(["handoff-reminder:2026-11-27", "handoff-reminder:2026-11-27:dm"], first.Posted);
        Assert.Empty(second.Posted);
        Assert.Equal(2, bot.Store.Set<OutboxMessage>().Count());
    }
}
