namespace TechFlow.OnCall.Core.Schedule;

/// <summary>One slot of the rotation: from one handoff to the next, as UTC instants and the local start date.</summary>
public readonly record struct ShiftWindow(DateOnly LocalStart, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The id a shift in this window is stored under: its local start date.</summary>
    public string Id => LocalStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;
}
