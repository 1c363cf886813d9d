using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Paging;

/// <summary>Pins who is on call (so the tests do not depend on the schedule generator) and reads page messages.</summary>
internal static class PagingTestKit
{
    /// <summary>Monday 10:00 EST.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    public const string Primary = "mike-rodriguez";
    public const string Secondary = "lisa-wang";
    /// <summary>Aggregate Profit's primary owner, paged at level 3 because neither on-call engineer owns it.</summary>
    public const string Owner = "alex-chen";
    public const string Manager = "jordan-blake";

    public static TestBot CreateBot(DateTimeOffset now, string? storePath = null)
    {
        var settings = new Dictionary<string, string?>();
        if (storePath is not null)
        {
            settings["Store:Path"] = storePath;
        }

        var bot = TestBot.Create(now, settings, services => services.AddSingleton<IScheduleGenerator, RoundRobinGenerator>());
        Pin(bot, now);
        return bot;
    }

    /// <summary>Makes mike primary and lisa secondary for three days around <paramref name="now"/>.</summary>
    public static void Pin(TestBot bot, DateTimeOffset now) => bot.Store.Write(tx =>
    {
        foreach (var (role, engineer) in new[] { (ShiftRole.Primary, Primary), (ShiftRole.Secondary, Secondary) })
        {
            tx.Set<ScheduleOverride>().Upsert(new ScheduleOverride
            {
                Id = $"paging-test-{role}",
                Start = Monday.AddDays(-1),
                End = Monday.AddDays(3),
                Role = role,
                EngineerId = engineer,
                CreatedAt = now,
            });
        }
    });

    /// <summary>Every page message, in enqueue order.</summary>
    public static List<OutboxMessage> PageMessages(TestBot bot) =>
        [.. bot.Store.Set<OutboxMessage>().All().Where(m => m.Id.StartsWith("page:", StringComparison.Ordinal)).OrderBy(m => m.Seq)];

    /// <summary>"key → recipient" lines ("channel" for channel posts), easy to compare exactly.</summary>
    public static List<string> Sent(TestBot bot) =>
        [.. PageMessages(bot).Select(m => $"{m.Id} -> {m.DirectTo ?? "channel"}")];

    /// <summary>The whole stored state of the paging room and the outbox, to prove that nothing changed.</summary>
    public static string StoreSnapshot(TestBot bot) =>
        System.Text.Json.JsonSerializer.Serialize(bot.Store.Set<Page>().All().OrderBy(p => p.Id).ToList())
        + System.Text.Json.JsonSerializer.Serialize(bot.Store.Set<OutboxMessage>().All().Select(m => m.Id).Order().ToList());

    public static string Snapshot(Page page) => System.Text.Json.JsonSerializer.Serialize(page);

    public static Page SinglePage(TestBot bot) => Assert.Single(bot.Store.Set<Page>().All());

    public static async Task<Page> OpenAsync(TestBot bot, string text = "/oncall page aggregate profit job failed at 02:10", string by = "sarah-johnson")
    {
        await bot.AskAsync(text, by);
        return SinglePage(bot);
    }

    /// <summary>Moves the fake clock to <paramref name="minutes"/> after Monday 10:00 and runs the paging due work, as the scheduler would.</summary>
    public static async Task RunAtAsync(TestBot bot, double minutes)
    {
        var at = Monday.AddMinutes(minutes);
        if (at > bot.Time.GetUtcNow())
        {
            bot.Time.SetUtcNow(at);
        }

        foreach (var work in bot.Services.GetServices<IDueWork>().OfType<PageEscalationWork>())
        {
            await work.RunDueAsync(bot.Time.GetUtcNow(), CancellationToken.None);
        }
    }
}
