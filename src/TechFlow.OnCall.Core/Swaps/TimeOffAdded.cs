using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Schedule.Fair;

namespace TechFlow.OnCall.Core.Swaps;

/// <summary>What adding time off did: the record, the re-plan, the slots left uncovered and the cover requests opened for them.</summary>
public sealed record TimeOffAdded(
    TimeOff? TimeOff,
    RegenerationResult? Regeneration,
    IReadOnlyList<ScheduleSlice> Uncovered,
    IReadOnlyList<SwapRequest> CoverRequests,
    string? Error)
{
    public static TimeOffAdded Fail(string error) => new(null, null, [], [], error);
}
