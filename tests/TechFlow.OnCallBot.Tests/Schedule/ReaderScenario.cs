using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Swaps;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCallBot.Tests.Schedule;

/// <summary>One instant of the scenario and who must hold each role then (null: uncovered).</summary>
/// <param name="Row">How the schedule table writes the start of the stretch that contains the instant.</param>
/// <param name="Replaced">The person planned for a role then who does not hold it: never named as holding it.</param>
/// <param name="Away">True when <paramref name="Replaced"/> is on time off: never paged at any level either.</param>
internal sealed record Moment(string Name, DateTimeOffset At, string? Primary, string? Secondary, string Row, string? Replaced, bool Away);

/// <summary>
/// The seed team on a fake clock (Thursday 2026-11-19 10:00 EST, so the next two shifts are frozen), after a swap,
/// a mid-week cover, time off that leaves a frozen primary slot uncovered, and time off whose slot someone took.
/// </summary>
internal sealed class ReaderScenario : IDisposable
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    public static readonly DateTimeOffset Start = Local(2026, 11, 19, 10);

    private ReaderScenario(TestBot bot) => Bot = bot;

    public TestBot Bot { get; }

    public List<Moment> Moments { get; } = [];

    /// <summary>The swap's counterpart, the mid-week cover and the person who took the second time off's slot.</summary>
    public string Swapper { get; private set; } = "";

    public string Coverer { get; private set; } = "";

    public string Taker { get; private set; } = "";

    public static DateTimeOffset Local(int year, int month, int day, int hour) =>
        new DateTimeOffset(new DateTime(year, month, day, hour, 0, 0), Zone.GetUtcOffset(new DateTime(year, month, day, hour, 0, 0))).ToUniversalTime();

    public static async Task<ReaderScenario> CreateAsync()
    {
        var bot = TestBot.Create(Start, new Dictionary<string, string?> { ["Announcements:HolidayLeadDays"] = "1" });
        var scenario = new ReaderScenario(bot);
        await scenario.ChangeAsync();
        return scenario;
    }

    public string Name(string? id) => id is null ? "nobody" : Bot.Get<RosterService>().Find(id)!.Name;

    private async Task ChangeAsync()
    {
        var week1 = Planned("2026-11-20");
        var week2 = Planned("2026-11-27");
        var week3 = Planned("2026-12-04");
        var others = Rotation().Where(e => e != week2.PrimaryId && e != week2.SecondaryId).ToList();
        (Coverer, Taker) = (others[0], others[1]);
        Swapper = Rotation().First(e => e != week3.PrimaryId && e != week3.SecondaryId && e != Taker);

        // Time off inside the frozen weeks, left uncovered: Thanksgiving Wednesday and Thursday.
        Expect(await Bot.AskTextAsync("/oncall timeoff add 2026-11-25 2026-11-26 family", week1.PrimaryId), "uncovered");
        // Time off inside the frozen weeks that someone takes with the Take it button.
        Expect(await Bot.AskTextAsync("/oncall timeoff add 2026-12-03 2026-12-03 dentist", week2.PrimaryId), "uncovered");
        var open = Bot.Store.Set<SwapRequest>().Find(r => r.TimeOffId != null && r.RequesterId == week2.PrimaryId).Single();
        Expect((await Bot.PressAsync(SwapMessages.Take, open.Id, Taker)).Notice, "you now cover");
        // A mid-week cover of the secondary.
        Expect(await Bot.AskTextAsync($"/oncall cover 2026-12-01 2026-12-02 @{Coverer}", week2.SecondaryId), "is sent");
        var cover = Bot.Store.Set<SwapRequest>().Find(r => r.Status == SwapStatus.Open && r.CounterpartId == Coverer).Single();
        Expect((await Bot.PressAsync(SwapMessages.Approve, cover.Id, Coverer)).Notice, "Approved");
        // A swap of the primary of the 2026-12-04 shift.
        Expect(await Bot.AskTextAsync($"/oncall swap 2026-12-04 with @{Swapper}", week3.PrimaryId), "is sent");
        var swap = Bot.Store.Set<SwapRequest>().Find(r => r.Status == SwapStatus.Open && r.Kind == SwapKind.Swap).Single();
        Expect((await Bot.PressAsync(SwapMessages.Approve, swap.Id, Swapper)).Notice, "Approved");

        Moments.Add(new("time off, uncovered", Local(2026, 11, 25, 12), null, week1.SecondaryId, "Wed Nov 25 12:00 AM", week1.PrimaryId, true));
        Moments.Add(new("as planned", Local(2026, 11, 28, 12), week2.PrimaryId, week2.SecondaryId, "Fri Nov 27 –", null, false));
        Moments.Add(new("mid-week cover", Local(2026, 12, 1, 12), week2.PrimaryId, Coverer, "Tue Dec 1 12:00 AM", week2.SecondaryId, false));
        Moments.Add(new("time off, taken", Local(2026, 12, 3, 12), Taker, week2.SecondaryId, "Thu Dec 3 12:00 AM", week2.PrimaryId, true));
        Moments.Add(new("swap", Local(2026, 12, 4, 17), Swapper, week3.SecondaryId, "Fri Dec 4 –", week3.PrimaryId, false));
    }

    private Shift Planned(string id) => Bot.Get<ScheduleService>().Shifts(Start, Start.AddDays(30)).Single(s => s.Id == id);

    private List<string> Rotation() => [.. Bot.Get<RosterService>().Rotation().Select(e => e.Id)];

    private static void Expect(string? text, string part) => Assert.Contains(part, text ?? "", StringComparison.Ordinal);

    public void Dispose() => Bot.Dispose();
}
