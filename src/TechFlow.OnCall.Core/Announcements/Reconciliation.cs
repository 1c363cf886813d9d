namespace TechFlow.OnCall.Core.Announcements;

/// <summary>What the platform says about an earlier attempt that may have posted a message.</summary>
public abstract record Reconciliation
{
    private Reconciliation() { }

    /// <summary>It was posted: the delivery is Sent with <paramref name="PlatformRef"/>, nothing is sent again.</summary>
    public sealed record Landed(string? PlatformRef) : Reconciliation;

    /// <summary>It was not posted (or sending it again cannot double it, as an update): send it.</summary>
    public sealed record NotLanded : Reconciliation;

    /// <summary>The platform cannot tell (<paramref name="Reason"/>): it is sent again, at least once.</summary>
    public sealed record Unknown(string Reason) : Reconciliation;

    /// <summary>The lookup itself failed or was rate-limited: ask again after <paramref name="After"/>.</summary>
    public sealed record Retry(TimeSpan After, string Error) : Reconciliation;
}
