using TechFlow.OnCall.Core.Schedule;

namespace TechFlow.OnCall.Core.Swaps;

/// <summary>A role held by <paramref name="EngineerId"/> for [Start, End), which they give away in a request.</summary>
public sealed record SwapSlot(string EngineerId, ShiftRole Role, DateTimeOffset Start, DateTimeOffset End)
{
    public bool Overlaps(SwapSlot other) => Start < other.End && other.Start < End;
}
