namespace TechFlow.OnCall.Teams.Auth;

/// <summary>The result of checking an inbound Bot Framework token.</summary>
public sealed record TokenCheck(bool IsValid, string? Failure)
{
    public static TokenCheck Valid { get; } = new(true, null);

    public static TokenCheck Invalid(string reason) => new(false, reason);
}
