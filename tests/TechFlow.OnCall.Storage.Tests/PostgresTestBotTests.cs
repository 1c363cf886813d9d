using Npgsql;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Swaps;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Storage.Tests;

/// <summary>The whole core wiring (TestBot) on PostgreSQL: seed, plan, answer, swap; and PostgreSQL going away.</summary>
public sealed class PostgresTestBotTests : IDisposable
{
    /// <summary>Monday 2026-11-23 10:00 EST.</summary>
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    private PostgresTestDatabase? _database;

    [SkippableFact]
    public async Task TestBot_OnPostgres_SeedsPlansAnswersAndApprovesASwap()
    {
        using var bot = Bot(Database().ConnectionString);

        var now = await bot.AskTextAsync("/oncall");
        var shift = bot.Store.Set<Shift>().Get("2026-12-04")!;
        var counterpart = new[] { "alex-chen", "lisa-wang", "mike-rodriguez", "sarah-johnson" }
            .First(e => e != shift.PrimaryId && e != shift.SecondaryId);
        var asked = await bot.AskTextAsync($"/oncall swap 2026-12-04 with @{counterpart}", shift.PrimaryId);
        var request = Assert.Single(bot.Store.Set<SwapRequest>().All());
        await bot.PressAsync(SwapMessages.Approve, request.Id, counterpart);
        var again = await bot.PressAsync(SwapMessages.Approve, request.Id, counterpart);

        Assert.Contains("Primary:", now, StringComparison.Ordinal);
        Assert.Contains("is sent", asked, StringComparison.Ordinal);
        Assert.Equal(SwapStatus.Approved, bot.Store.Set<SwapRequest>().Get(request.Id)!.Status);
        Assert.Equal(2, bot.Store.Set<ScheduleOverride>().Find(o => o.SourceId == request.Id).Count);
        Assert.NotNull(again);
        var name = bot.Get<RosterService>().Find(counterpart)!.Name;
        Assert.Contains($"Primary: {name}", await bot.AskTextAsync("/oncall at 2026-12-05"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TwoTestBotsOnOneDatabase_FiftyConcurrentApprovalsOfOneSwap_SetOneOverridePairAndTellOnce()
    {
        var connection = Database().ConnectionString;
        using var a = Bot(connection);
        using var b = Bot(connection);
        var shift = a.Store.Set<Shift>().Get("2026-12-04")!;
        var counterpart = new[] { "alex-chen", "lisa-wang", "mike-rodriguez", "sarah-johnson" }
            .First(e => e != shift.PrimaryId && e != shift.SecondaryId);
        await a.AskTextAsync($"/oncall swap 2026-12-04 with @{counterpart}", shift.PrimaryId);
        var request = Assert.Single(b.Store.Set<SwapRequest>().All());

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => (i % 2 == 0 ? a : b).PressAsync(SwapMessages.Approve, request.Id, counterpart))));

        Assert.Equal(SwapStatus.Approved, b.Store.Set<SwapRequest>().Get(request.Id)!.Status);
        Assert.Equal(2, a.Store.Set<ScheduleOverride>().Find(o => o.SourceId == request.Id).Count);
        Assert.Single(results, r => r.Notice?.StartsWith("Approved", StringComparison.Ordinal) == true);
        Assert.Single(a.Store.Set<SwapAuditEntry>().Find(e => e.RequestId == request.Id && e.Action == "approved"));
    }

    [SkippableFact]
    public async Task TestBot_PostgresGoesAway_AnswersClearlyChangesNothingAndRecovers()
    {
        var database = Database();
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        using var cutter = new TcpCutter(server.Port);
        var relayed = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = cutter.Port, Timeout = 3 }.ConnectionString;
        using var bot = Bot(relayed);
        var shift = bot.Store.Set<Shift>().Get("2026-12-04")!;
        var before = bot.Store.Set<Shift>().Count();

        cutter.Cut();
        var whileDown = await bot.AskTextAsync("/oncall");
        var swapWhileDown = await bot.AskTextAsync("/oncall swap 2026-12-04 with @alex-chen", shift.PrimaryId);
        cutter.Restore();
        var afterwards = await bot.AskTextAsync("/oncall");

        Assert.Contains(ConversationService.StoreUnavailableMessage, whileDown, StringComparison.Ordinal);
        Assert.Contains(ConversationService.StoreUnavailableMessage, swapWhileDown, StringComparison.Ordinal);
        Assert.Contains("Primary:", afterwards, StringComparison.Ordinal);
        Assert.Empty(bot.Store.Set<SwapRequest>().All());
        Assert.Equal(before, bot.Store.Set<Shift>().Count());
    }

    public void Dispose() => _database?.Dispose();

    private PostgresTestDatabase Database() => _database = PostgresTestDatabase.Create();

    private static TestBot Bot(string connectionString) => TestBot.Create(Monday, new Dictionary<string, string?>
    {
        ["Store:Provider"] = "Postgres",
        ["Store:ConnectionString"] = connectionString,
    });
}
