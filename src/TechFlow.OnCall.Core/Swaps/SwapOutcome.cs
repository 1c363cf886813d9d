namespace TechFlow.OnCall.Core.Swaps;

/// <summary>What a swap operation did: the request as it now stands, whether this call changed it, and why not.</summary>
/// <param name="Request">The request after the call; null when it does not exist.</param>
/// <param name="Changed">True when this call changed the request (false for refusals and repeats).</param>
/// <param name="Message">A sentence for the person who asked or clicked.</param>
public sealed record SwapOutcome(SwapRequest? Request, bool Changed, string Message)
{
    public static SwapOutcome Refused(string message, SwapRequest? request = null) => new(request, false, message);
}
