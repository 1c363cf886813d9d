using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Teams.Tests.Support;

/// <summary>A button handler standing in for a swap approval: replaces the card with the approved state.</summary>
public sealed class TestApprovalHandler(RosterService roster) : IActionHandler
{
    public const string Approve = "test-swap-approve";

    public IReadOnlyList<string> ActionIds => [Approve];

    public ValueTask<ActionResult> HandleAsync(CommandContext context, BotAction action, CancellationToken cancellationToken)
    {
        var builder = new ReplyBuilder().Heading("Swap approved").Tone(ReplyTone.Success);
        builder.Text($"{builder.Mention(roster.Find("mike-rodriguez"))} covers the shift ({action.Value}).");
        builder.Context($"Approved by {context.Input.DisplayName ?? "someone"}");
        return ValueTask.FromResult(new ActionResult(builder.Build()));
    }
}
