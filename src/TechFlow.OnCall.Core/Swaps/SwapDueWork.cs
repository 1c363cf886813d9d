using TechFlow.OnCall.Core.Announcements;

namespace TechFlow.OnCall.Core.Swaps;

/// <summary>Reminds about open swap requests 24 hours before their shift and expires them when it starts.</summary>
public sealed class SwapDueWork(SwapService swaps) : IDueWork
{
    public string Name => "swaps";

    public Task RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        swaps.RunDue(now);
        return Task.CompletedTask;
    }
}
