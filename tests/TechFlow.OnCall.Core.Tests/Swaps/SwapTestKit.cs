using System.Text.Json;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Swaps;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Swaps;

/// <summary>Shared set-up for the swap tests: a Monday before Thanksgiving, and helpers to read the store.</summary>
internal static class SwapTestKit
{
    /// <summary>Monday 2026-11-23 10:00 EST.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    public static readonly string[] Rotation = ["alex-chen", "lisa-wang", "mike-rodriguez", "sarah-johnson"];

    /// <summary>The planned shift that starts on <paramref name="localDate"/> (yyyy-MM-dd).</summary>
    public static Shift ShiftOn(TestBot bot, string localDate) =>
        bot.Store.Set<Shift>().Get(localDate) ?? throw new InvalidOperationException($"no shift {localDate}");

    /// <summary>Someone in rotation holding neither role in <paramref name="shift"/>, preferring people who are not admins.</summary>
    public static string Outsider(Shift shift, params string[] except) => Rotation
        .Where(e => e != shift.PrimaryId && e != shift.SecondaryId && !except.Contains(e))
        .OrderBy(e => e == "alex-chen" ? 1 : 0)
        .First();

    /// <summary>A non-admin engineer who is neither of <paramref name="people"/>.</summary>
    public static string Bystander(params string?[] people) =>
        Rotation.First(e => e != "alex-chen" && !people.Contains(e));

    public static IReadOnlyList<SwapRequest> Requests(TestBot bot) => bot.Store.Set<SwapRequest>().All();

    public static SwapRequest Single(TestBot bot) => Assert.Single(Requests(bot));

    public static IReadOnlyList<ScheduleOverride> Overrides(TestBot bot, string requestId) =>
        bot.Store.Set<ScheduleOverride>().Find(o => o.SourceId == requestId);

    public static OutboxMessage? Message(TestBot bot, string key) => bot.Store.Set<OutboxMessage>().Get(key);

    /// <summary>Everything a swap can touch, serialised, to prove that a refused action changed nothing.</summary>
    public static string Snapshot(TestBot bot) => string.Join('\n',
        Json(bot.Store.Set<SwapRequest>().All().OrderBy(x => x.Id)),
        Json(bot.Store.Set<SwapAuditEntry>().All().OrderBy(x => x.Id)),
        Json(bot.Store.Set<ScheduleOverride>().All().OrderBy(x => x.Id)),
        Json(bot.Store.Set<OutboxMessage>().All().OrderBy(x => x.Id)),
        Json(bot.Store.Set<Shift>().All().OrderBy(x => x.Id)));

    /// <summary>
    /// Has the primary of the 2026-12-04 shift ask an outsider to swap (the bot proposes the outsider's shift).
    /// </summary>
    public static async Task<(SwapRequest Request, string Requester, string Counterpart)> RequestSwapAsync(TestBot bot)
    {
        var shift = ShiftOn(bot, "2026-12-04");
        var counterpart = Outsider(shift);
        var reply = await bot.AskTextAsync($"/oncall swap 2026-12-04 with @{counterpart}", shift.PrimaryId);
        Assert.Contains("is sent", reply);
        return (Single(bot), shift.PrimaryId, counterpart);
    }

    private static string Json<T>(IEnumerable<T> items) => JsonSerializer.Serialize(items.ToList());
}
