using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Announcements;

/// <summary>Runs the planner on a test bot's fake clock, step by step, and records what it posted when (team-local time).</summary>
internal static class AnnouncementDriver
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>An instant from a team-local wall-clock time.</summary>
    public static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>
    /// A bot whose schedule was planned from 2026-10-26 (so the rotation is the same in every test: Alex, Lisa, Mike,
    /// Sarah from the shift starting 2026-10-23), with its clock moved to <paramref name="at"/>.
    /// </summary>
    /// <remarks>The plain round robin is pinned so that expected names do not depend on the fair generator.</remarks>
    public static TestBot StartAt(DateTimeOffset at, IDictionary<string, string?>? settings = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configure = null)
    {
        var bot = TestBot.Create(Local(2026, 10, 26, 0), settings, services =>
        {
            services.AddSingleton<IScheduleGenerator, RoundRobinGenerator>();
            configure?.Invoke(services);
        });
        bot.Time.SetUtcNow(at);
        return bot;
    }

    /// <summary>Plans at the bot's current instant, then steps the clock by <paramref name="step"/> until <paramref name="until"/> (inclusive).</summary>
    /// <returns>One line per posted outbox key: <c>yyyy-MM-dd HH:mm key</c>, in posting order.</returns>
    public static List<string> Drive(TestBot bot, DateTimeOffset until, TimeSpan? step = null)
    {
        var planner = bot.Get<AnnouncementPlanner>();
        var posted = new List<string>();
        while (true)
        {
            var now = bot.Time.GetUtcNow();
            foreach (var key in planner.Plan(now).Posted)
            {
                posted.Add(string.Create(CultureInfo.InvariantCulture, $"{TimeZoneInfo.ConvertTime(now, Zone):yyyy-MM-dd HH:mm} {key}"));
            }

            if (now + (step ?? TimeSpan.FromMinutes(15)) > until)
            {
                return posted;
            }

            bot.Time.Advance(step ?? TimeSpan.FromMinutes(15));
        }
    }
}
