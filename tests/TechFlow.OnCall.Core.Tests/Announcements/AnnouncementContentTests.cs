using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Schedule;
using static TechFlow.OnCall.Core.Tests.Announcements.AnnouncementDriver;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Announcements;

public class AnnouncementContentTests
{
    [Fact]
    public void Plan_EngineerPreferences_OverrideTheDefaultReminderLeads()
    {
        using var bot = StartAt(Local(2026, 11, 18, 0));
        bot.Store.Write(s => s.Set<EngineerPreferences>().Upsert(new EngineerPreferences { Id = "alex-chen", ReminderLeadHours = [48] }));

        var posted = Drive(bot, Local(2026, 11, 20, 0));

        Assert.Contains("2026-11-18 17:00 reminder:2026-11-20:alex-chen:2d", posted);
        Assert.Contains("2026-11-19 17:00 reminder:2026-11-20:lisa-wang:1d", posted);
        Assert.DoesNotContain(posted, p => p.EndsWith("alex-chen:1d", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_ConfiguredChannels_RouteByKindAndCopyToInvestorPipelineChannels()
    {
        using var bot = StartAt(Local(2026, 11, 23, 8), new Dictionary<string, string?>
        {
            ["Announcements:Channel"] = "#data-oncall",
            ["Announcements:Channels:holiday"] = "#general",
        });
        bot.Store.Write(s => s.Set<Pipeline>().Upsert(s.Set<Pipeline>().Get("aggregate-profit")! with { Channel = "#investor-data" }));
        bot.Get<PipelineCatalog>().Invalidate();

        Drive(bot, Local(2026, 11, 23, 9));

        var messages = bot.Store.Set<OutboxMessage>();
        Assert.Equal("#data-oncall", messages.Get("investor-start:2026-11")!.Channel);
        Assert.Equal("#investor-data", messages.Get("investor-start:2026-11:#investor-data")!.Channel);
    }

    [Fact]
    public void Plan_HolidayChannelOverride_PostsHeadsUpThere()
    {
        using var bot = StartAt(Local(2026, 11, 19, 8), new Dictionary<string, string?> { ["Announcements:Channels:holiday"] = "#general" });

        Drive(bot, Local(2026, 11, 19, 9));

        Assert.Equal("#general", bot.Store.Set<OutboxMessage>().Get("holiday:2026-11-26")!.Channel);
        Assert.Null(bot.Store.Set<OutboxMessage>().Get("investor-warning:2026-11")!.Channel);
    }

    [Fact]
    public void Plan_HandoffWithSwapAndContributor_ListsBoth()
    {
        using var bot = StartAt(Local(2026, 11, 27, 9), configure: s => s.AddSingleton<IHandoffContributor>(new FixedContributor("Open pages: 1 (Aggregate Profit, since Wednesday)")));
        bot.Store.Write(s => s.Set<ScheduleOverride>().Upsert(new ScheduleOverride
        {
            Id = "swap-1",
            Start = Local(2026, 11, 28, 9),
            End = Local(2026, 11, 29, 9),
            Role = ShiftRole.Primary,
            EngineerId = "sarah-johnson",
            ReplacesId = "lisa-wang",
        }));

        Drive(bot, Local(2026, 11, 27, 10));

        var text = PlainTextRenderer.Render(bot.Store.Set<OutboxMessage>().Get("handoff-reminder:2026-11-27")!.Reply, TestFrontEnds.Chat.CommandPrefix);
        Assert.Contains("Open pages: 1 (Aggregate Profit, since Wednesday)", text);
        Assert.Contains("Sarah Johnson covers primary from Saturday 9:00 AM EST to Sunday 9:00 AM EST", text);
    }

    [Fact]
    public void Plan_ConfiguredTimes_MoveTheHandoffReminderAndHolidayHeadsUp()
    {
        using var bot = StartAt(Local(2026, 11, 19, 0), new Dictionary<string, string?>
        {
            ["Announcements:HandoffReminder"] = "11:30",
            ["Announcements:PostAt"] = "08:15",
            ["Announcements:HolidayLeadDays"] = "3",
        });

        var posted = Drive(bot, Local(2026, 11, 20, 12));

        Assert.Contains("2026-11-19 08:15 investor-warning:2026-11", posted);
        Assert.Contains("2026-11-20 11:30 handoff-reminder:2026-11-20", posted);
        Assert.DoesNotContain(posted, p => p.EndsWith("holiday:2026-11-26", StringComparison.Ordinal));
    }

    private sealed class FixedContributor(string line) : IHandoffContributor
    {
        public IReadOnlyList<string> Lines(ShiftWindow? outgoing, ShiftWindow incoming, DateTimeOffset now) => [line];
    }
}
