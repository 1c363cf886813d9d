using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Schedule.Fair;
using TechFlow.OnCall.Core.Conversation.Commands;
using TechFlow.OnCall.Teams.Cards;
using TechFlow.OnCall.Core.Conversation;

namespace TechFlow.OnCallBot.Tests.Schedule;

/// <summary>
/// After a swap, a mid-week cover, and time off inside the frozen weeks (one slot left uncovered, one taken), every
/// reader names the same person for the same instant: answers, escalation, pages, announcements (handoff, shift
/// start, personal reminders, holiday and investor-period posts, as Teams renders them), the iCalendar feeds, the CLI
/// export, <c>/oncall schedule</c>, <c>/oncall stats</c> and <c>/oncall fairness</c> hours, and the Slack sync.
/// </summary>
public class EveryReaderAgreesTests
{
    [Fact]
    public async Task EveryReader_AfterSwapCoverAndTimeOff_NamesTheSamePersonForTheSameInstant()
    {
        using var scenario = await ReaderScenario.CreateAsync();
        var bot = scenario.Bot;
        var readers = new Readers(bot);
        foreach (var m in scenario.Moments)
        {
            var expected = (m.Primary, m.Secondary);
            var snapshot = bot.Get<EffectiveSchedule>().At(m.At)!;
            Assert.True(expected == (snapshot.Primary.HolderId, snapshot.Secondary.HolderId), $"{m.Name}: effective schedule");
            Assert.True(expected == await readers.LookupAsync(m.At), $"{m.Name}: /oncall at");
            Assert.True(expected == await readers.TableAsync(m.Row), $"{m.Name}: /oncall schedule");
            Assert.True(expected == readers.TeamFeed(m.At), $"{m.Name}: team.ics");
            Assert.True(expected == await readers.CliAsync(m.At), $"{m.Name}: schedule --format json");
            var personal = readers.PersonalFeeds(m.At);
            Assert.Equal(new[] { m.Primary, m.Secondary }.OfType<string>().Order(), personal.Keys.Order());
            Assert.True(m.Primary is null || personal[m.Primary] == "primary", $"{m.Name}: personal feed");
            var firstLevel = m.Primary ?? m.Secondary;
            Assert.Equal(firstLevel, await readers.PipelineLevelOneAsync(m.At));
            var chain = readers.Chain(m.At);
            Assert.Equal(firstLevel, chain[0].Engineer?.Id);
            Assert.Equal(m.Primary is null ? null : m.Secondary, chain[1].Engineer?.Id);
            Assert.DoesNotContain(chain, step => m.Away && step.Engineer?.Id == m.Replaced);
            var (topic, group) = await readers.SlackAsync(m.At);
            Assert.Contains($"{scenario.Name(m.Primary)}", topic, StringComparison.Ordinal);
            Assert.Equal(new[] { m.Primary, m.Secondary }.OfType<string>().Select(id => "U-" + Email(bot, id)).Order(), group.Order());
        }

        await LoadAndFairnessAgreeAsync(bot, readers);
        await DriveAsync(scenario);
    }

    /// <summary>Hours in <c>/oncall stats</c> and <c>/oncall fairness</c> are the hours each person held a slice in the export.</summary>
    private static async Task LoadAndFairnessAgreeAsync(OnCall.Testing.TestBot bot, Readers readers)
    {
        var slices = await readers.CliSlicesAsync();
        var december = ReaderScenario.Local(2026, 12, 1, 0);
        var stats = bot.Get<PageStatistics>().Month(2026, 12).Load.ToDictionary(l => l.EngineerId);
        var fairness = bot.Get<FairnessHandler>().Report(2026).Engineers.ToDictionary(e => e.Engineer.Id);
        foreach (var id in fairness.Keys)
        {
            double Held(Func<(DateTimeOffset Start, DateTimeOffset End, string? Primary, string? Secondary), string?> role, DateTimeOffset from, DateTimeOffset to) =>
                slices.Where(s => role(s) == id).Sum(s => Math.Max(0, ((s.End < to ? s.End : to) - (s.Start > from ? s.Start : from)).TotalHours));
            var end = ReaderScenario.Local(2027, 1, 1, 0);
            Assert.Equal(Held(s => s.Primary, december, end), stats.GetValueOrDefault(id)?.PrimaryHours ?? 0, 6);
            Assert.Equal(Held(s => s.Secondary, december, end), stats.GetValueOrDefault(id)?.SecondaryHours ?? 0, 6);
            var all = Held(s => s.Primary, DateTimeOffset.MinValue, DateTimeOffset.MaxValue) + Held(s => s.Secondary, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
            Assert.Equal(all, fairness[id].HoursInWorkingHours + fairness[id].HoursOutsideWorkingHours, 6);
        }

        Assert.True(fairness.Values.Sum(e => e.HoursFromSwaps) > 0);
    }

    /// <summary>Moves the clock through the scenario: posts announcements as they fall due and pages at each instant.</summary>
    private static async Task DriveAsync(ReaderScenario scenario)
    {
        var bot = scenario.Bot;
        var planner = bot.Get<AnnouncementPlanner>();
        var pages = bot.Get<PageService>();
        var moments = scenario.Moments.ToDictionary(m => m.At);
        for (var now = ReaderScenario.Start; now <= scenario.Moments[^1].At.AddHours(1); now = now.AddHours(1))
        {
            bot.Time.SetUtcNow(now);
            planner.Plan(now);
            pages.EscalateDue(now);
            if (moments.TryGetValue(now, out var m))
            {
                await PageAsync(bot, m);
            }
        }

        var outbox = bot.Store.Set<OutboxMessage>();
        var swap = scenario.Moments.Single(m => m.Name == "swap");
        var uncovered = scenario.Moments.Single(m => m.Name == "time off, uncovered");
        Assert.Equal(swap.Primary, outbox.Get("handoff-reminder:2026-12-04:dm")!.DirectTo);
        Assert.Contains(outbox.Get("handoff-reminder:2026-12-04")!.Reply.Text, t => t.StartsWith($"Incoming: {ReplyMarkup.Person(swap.Primary!)} (primary)", StringComparison.Ordinal));
        var start = outbox.Get("shift-start:2026-12-04")!;
        Assert.StartsWith($"{ReplyMarkup.Person(swap.Primary!)} is now primary", start.Reply.Text[0], StringComparison.Ordinal);
        var teams = ReplyActivity.Message(start.Reply).ToJsonString();
        Assert.Contains(scenario.Name(swap.Primary), teams, StringComparison.Ordinal);
        Assert.DoesNotContain(scenario.Name(swap.Replaced), teams, StringComparison.Ordinal);
        Assert.NotNull(outbox.Get($"reminder:2026-12-04:{swap.Primary}:7d"));
        Assert.NotNull(outbox.Get($"reminder:2026-12-04:{swap.Primary}:1d"));
        Assert.Null(outbox.Get($"reminder:2026-12-04:{swap.Replaced}:7d"));
        var holiday = outbox.Get("holiday:2026-11-26")!.Reply.Text.Single();
        Assert.StartsWith($"nobody (uncovered: needs a cover) is primary and {ReplyMarkup.Person(uncovered.Secondary!)} secondary", holiday, StringComparison.Ordinal);
        Assert.DoesNotContain(uncovered.Replaced!, holiday, StringComparison.Ordinal);
        var investor = outbox.Get("investor-start:2026-11")!.Reply.Fields;
        Assert.Contains(investor, f => f.Value.StartsWith("nobody (uncovered: needs a cover) (primary)", StringComparison.Ordinal));
        Assert.DoesNotContain(outbox.Find(o => o.DirectTo == uncovered.Replaced && o.Kind == "page"), o => o.Id.Contains(":L", StringComparison.Ordinal) && o.CreatedAt >= uncovered.At && o.CreatedAt < uncovered.At.AddHours(3));
    }

    /// <summary>A page at the instant goes first to the expected person; with the primary slot uncovered, then straight to level 3.</summary>
    private static async Task PageAsync(OnCall.Testing.TestBot bot, Moment m)
    {
        var reply = await bot.AskAsync("/oncall page aggregate profit numbers look off", "jordan-blake");
        var page = bot.Get<PageService>().OpenPages().Single();
        Assert.Equal(m.Primary ?? m.Secondary, bot.Store.Set<OutboxMessage>().Get(PageKeys.Direct(page.Id, 1))!.DirectTo);
        bot.Time.Advance(TimeSpan.FromMinutes(31));
        bot.Get<PageService>().EscalateDue(bot.Time.GetUtcNow());
        var next = bot.Get<PageService>().Get(page.Id)!;
        var level = m.Primary is null ? 3 : 2;
        Assert.Equal(level, next.Level);
        var paged = bot.Store.Set<OutboxMessage>().Get(PageKeys.Direct(page.Id, level))!.DirectTo;
        Assert.True(level == 3 || paged == m.Secondary, $"{m.Name}: level 2");
        Assert.True(!m.Away || paged != m.Replaced, $"{m.Name}: the person away was paged");
        await bot.AskAsync($"/oncall resolve {page.Id}", "jordan-blake");
        Assert.NotNull(reply);
    }

    private static string Email(OnCall.Testing.TestBot bot, string id) =>
        bot.Get<OnCall.Core.Roster.RosterService>().Find(id)!.Email!.Split('@')[0];
}
