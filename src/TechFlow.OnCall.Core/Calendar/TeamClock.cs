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

    /// <summary>A short zone label for the instant, such as EST or EDT where known.</summary>
    public string ZoneAbbreviation(DateTimeOffset instant)
    {
        if (_zone.Id is "America/New_York" or "US/Eastern")
        {
            return _zone.IsDaylightSavingTime(instant) ? "EDT" : "EST";
        }

        var offset = _zone.GetUtcOffset(instant);
        return offset == TimeSpan.Zero ? "UTC" : $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}";
    }
}
