namespace TechFlow.OnCall.Core.Calendar;

/// <summary>Converts between UTC instants and the team's local calendar.</summary>
/// <remarks>
/// Local times that do not exist (the spring-forward gap) are moved forward by the gap; local times that
/// occur twice (the fall-back hour) resolve to the earlier instant. Handoffs at 17:00 never hit either case
/// in US zones, but N-day rotations with other handoff times may.
/// </remarks>
public sealed class TeamClock(TimeProvider time, TeamSettings settings)
{
    private readonly TimeZoneInfo _zone = settings.Zone;

    public TimeZoneInfo Zone => _zone;

    public TeamSettings Settings => settings;

    public DateTimeOffset Now => time.GetUtcNow();

    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone).DateTime;

    public DateTimeOffset ToLocalOffset(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant));

    public DateOnly Today => LocalDate(Now);

    /// <summary>The UTC instant of a local wall-clock time, leniently (see remarks on the type).</summary>
    public DateTimeOffset ToInstant(DateTime local) => ToInstant(local, _zone);

    public DateTimeOffset ToInstant(DateOnly date, TimeOnly time) => ToInstant(date.ToDateTime(time));

    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            var before = zone.GetUtcOffset(unspecified.AddHours(-3));
            var after = zone.GetUtcOffset(unspecified.AddHours(3));
            return new DateTimeOffset(unspecified.Add(after - before), after).ToUniversalTime();
        }

        var offset = zone.IsAmbiguousTime(unspecified)
            ? zone.GetAmbiguousTimeOffsets(unspecified).Max()
            : zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset).ToUniversalTime();
    }

    /// <summary>A short label for the team's zone at the instant, such as EST or EDT (see <see cref="ZoneLabel"/>).</summary>
    public string ZoneAbbreviation(DateTimeOffset instant) => ZoneLabel(_zone, instant);

    /// <summary>EST/EDT, CST/CDT, MST/MDT, PST/PDT for the US zones; a UTC offset elsewhere. The one zone label of the app.</summary>
    public static string ZoneLabel(TimeZoneInfo zone, DateTimeOffset instant)
    {
        var letter = zone.Id switch
        {
            "America/New_York" or "US/Eastern" or "America/Detroit" => "E",
            "America/Chicago" or "US/Central" => "C",
            "America/Denver" or "US/Mountain" => "M",
            "America/Los_Angeles" or "US/Pacific" => "P",
            _ => null,
        };
        if (letter is not null)
        {
            return $"{letter}{(zone.IsDaylightSavingTime(instant) ? "D" : "S")}T";
        }

        var offset = zone.GetUtcOffset(instant);
        return offset == TimeSpan.Zero ? "UTC" : $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}";
    }

    /// <summary>Every date from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static IEnumerable<DateOnly> Days(DateOnly first, DateOnly last)
    {
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            yield return d;
        }
    }
}
