namespace TechFlow.OnCall.Core.Swaps;

/// <summary>Swap and cover settings (configuration section <c>Swaps</c>).</summary>
public sealed class SwapSettings
{
    public const string Section = "Swaps";

    /// <summary>How long before an open request expires (the shift's start) to remind the person asked.</summary>
    public int ReminderHours { get; set; } = 24;

    /// <summary>How many shifts ahead "next" and the proposed counterpart shift look.</summary>
    public int LookAheadShifts { get; set; } = 26;
}
