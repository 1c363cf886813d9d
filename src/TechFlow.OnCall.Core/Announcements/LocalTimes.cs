using TechFlow.OnCall.Core.Calendar;

namespace TechFlow.OnCall.Core.Announcements;

/// <summary>Cheap checks that let announcement sources skip a scan when none of their times of day falls in it.</summary>
public static class LocalTimes
{
    /// <summary>True when the team-local time of day <paramref name="time"/> occurs in (<paramref name="from"/>, <paramref name="to"/>] on some day.</summary>
    /// <remarks>Uses the same lenient conversion as the sources (<see cref="TeamClock.ToInstant(DateOnly, TimeOnly)"/>), so DST gaps agree.</remarks>
    public static bool Crosses(TeamClock clock, DateTimeOffset from, DateTimeOffset to, TimeOnly time)
    {
        if (to - from >= TimeSpan.FromHours(25))
        {
            return true;
        }

        for (var day = clock.LocalDate(from); day <= clock.LocalDate(to); day = day.AddDays(1))
        {
            var at = clock.ToInstant(day, time);
            if (at > from && at <= to)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when any of <paramref name="times"/> occurs in (<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static bool CrossesAny(TeamClock clock, DateTimeOffset from, DateTimeOffset to, IEnumerable<TimeOnly> times) =>
        times.Any(t => Crosses(clock, from, to, t));
}
