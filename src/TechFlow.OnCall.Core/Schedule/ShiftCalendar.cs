using TechFlow.OnCall.Core.Calendar;

namespace TechFlow.OnCall.Core.Schedule;

/// <summary>Cuts time into shift windows: every N days at the handoff time, in the team's zone.</summary>
/// <remarks>
/// Boundaries are local wall-clock times, so a weekly Friday 17:00 handoff stays at 17:00 local across
/// daylight-saving changes (the window that spans the change is an hour longer or shorter in UTC).
/// For lengths that are whole weeks the anchor is moved back to the handoff weekday.
/// </remarks>
public sealed class ShiftCalendar(TeamClock clock)
{
    private readonly TeamSettings _settings = clock.Settings;

    public int LengthDays => Math.Max(1, _settings.ShiftLengthDays);

    private DateOnly Anchor
    {
        get
        {
            var anchor = _settings.RotationAnchor;
            if (LengthDays % 7 == 0)
            {
                var back = ((int)anchor.DayOfWeek - (int)_settings.HandoffDay + 7) % 7;
                anchor = anchor.AddDays(-back);
            }

            return anchor;
        }
    }

    /// <summary>The window that contains <paramref name="instant"/>.</summary>
    public ShiftWindow At(DateTimeOffset instant)
    {
        var local = clock.ToLocal(instant);
        var days = DateOnly.FromDateTime(local).DayNumber - Anchor.DayNumber;
        var index = (int)Math.Floor(days / (double)LengthDays);
        var window = ByIndex(index);
        while (instant < window.Start)
        {
            window = ByIndex(--index);
        }

        while (instant >= window.End)
        {
            window = ByIndex(++index);
        }

        return window;
    }

    /// <summary><paramref name="count"/> consecutive windows starting with the one that contains <paramref name="from"/>.</summary>
    public IReadOnlyList<ShiftWindow> Windows(DateTimeOffset from, int count)
    {
        var first = At(from);
        var index = IndexOf(first.LocalStart);
        return [.. Enumerable.Range(index, count).Select(ByIndex)];
    }

    /// <summary>The windows that overlap [from, to).</summary>
    public IReadOnlyList<ShiftWindow> Between(DateTimeOffset from, DateTimeOffset to)
    {
        var result = new List<ShiftWindow>();
        var window = At(from);
        var index = IndexOf(window.LocalStart);
        while (window.Start < to)
        {
            result.Add(window);
            window = ByIndex(++index);
        }

        return result;
    }

    public ShiftWindow Next(ShiftWindow window) => ByIndex(IndexOf(window.LocalStart) + 1);

    public ShiftWindow Previous(ShiftWindow window) => ByIndex(IndexOf(window.LocalStart) - 1);

    private int IndexOf(DateOnly localStart) => (localStart.DayNumber - Anchor.DayNumber) / LengthDays;

    private ShiftWindow ByIndex(int index)
    {
        var startDate = Anchor.AddDays(index * LengthDays);
        var endDate = startDate.AddDays(LengthDays);
        return new ShiftWindow(
            startDate,
            clock.ToInstant(startDate, _settings.HandoffTime),
            clock.ToInstant(endDate, _settings.HandoffTime));
    }
}
