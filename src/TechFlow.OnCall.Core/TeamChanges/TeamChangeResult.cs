using TechFlow.OnCall.Core.Schedule.Fair;
using TechFlow.OnCall.Core.Swaps;

namespace TechFlow.OnCall.Core.TeamChanges;

/// <summary>What a team change did: the re-plan (and who it moved), the cover requests it opened, the ownership it handed over.</summary>
public sealed record TeamChangeResult(
    RegenerationResult? Regeneration,
    IReadOnlyList<SwapRequest> CoverRequests,
    IReadOnlyList<string> Ownership)
{
    public static TeamChangeResult None { get; } = new(null, [], []);

    public IReadOnlyList<string> Moved => Regeneration?.MovedEngineerIds ?? [];
}
