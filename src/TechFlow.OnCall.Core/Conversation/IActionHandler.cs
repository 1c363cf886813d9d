namespace TechFlow.OnCall.Core.Conversation;

/// <summary>Handles button presses whose action id is one of <see cref="ActionIds"/>.</summary>
/// <remarks>
/// The button value is untrusted: reload the record it names, check that the clicking user may act on it,
/// and make the change idempotent (a second press, or a retried delivery, changes nothing).
/// </remarks>
public interface IActionHandler
{
    IReadOnlyList<string> ActionIds { get; }

    ValueTask<ActionResult> HandleAsync(CommandContext context, BotAction action, CancellationToken cancellationToken);
}

/// <summary>
/// What a press did: the message that replaces the one holding the button (null to leave it alone) and a
/// note for the clicking user only.
/// </summary>
public sealed record ActionResult(Reply? Replacement, string? Notice = null);
