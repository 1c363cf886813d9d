using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Slack.Identity;
using TechFlow.OnCall.Slack.Modals;
using TechFlow.OnCall.Slack.Rendering;

namespace TechFlow.OnCall.Slack.Commands;

/// <summary>
/// <c>/oncall …</c>: the text goes to the core as a question; the reply is rendered as Block Kit. <c>/oncall swap</c>,
/// <c>/oncall timeoff</c> and <c>/oncall page</c> with nothing after them open the form instead.
/// </summary>
/// <remarks>
/// Lookups (who is on call, for a pipeline, at a time) change nothing and do not depend on who asks, so their rendered
/// JSON is kept for the minute (<see cref="SlashAnswerMemo"/>) and served by <see cref="TryAnswerNow"/>, as long as
/// resolving the asker would call and change nothing (<see cref="SlackIdentityResolver.IsSettled"/>).
/// </remarks>
public sealed class OnCallCommandHandler(
    ConversationService conversation,
    SlackIdentityResolver identity,
    ModalOpener modals,
    SlashAnswerMemo? memo = null) : ISlashCommandHandler
{
    public string Command => "*";

    public byte[]? TryAnswerNow(SlashCommand command) =>
        memo?.Now() is { } stamp && identity.IsSettled(command.UserId) ? memo.Find(stamp, command.Command, command.Text) : null;

    public async Task<SlashCommandResponse?> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var form = FormFor(command.Text);
        if (form is not null && command.TriggerId is { } trigger && await modals.OpenAsync(form, trigger, command.UserId, null, cancellationToken))
        {
            return null;
        }

        var input = await identity.InputAsync(command.UserId, command.ChannelId, cancellationToken);
        var text = identity.MessageText(command.Text);
        var stamp = form is null && memo?.Now() is { } now && conversation.IsLookup(text) ? now : (SlashAnswerMemo.Stamp?)null;

        // A memoised answer is computed for the instant its stamp was taken, so the key's minute is the answer's.
        var reply = await conversation.AskAsync(input with { Text = text, At = stamp?.At ?? input.At }, cancellationToken);
        var response = new SlashCommandResponse(BlockKitRenderer.Render(reply), reply.InChannel);
        if (stamp is { } at && reply.Tone != ReplyTone.Error)
        {
            memo!.Keep(at, command.Command, command.Text, response.ToUtf8Json());
        }

        return response;
    }

    private static string? FormFor(string text) => text.Trim().ToLowerInvariant() switch
    {
        "swap" or "cover" => ModalOpener.Swap,
        "timeoff" or "time off" or "time-off" or "timeoff add" => ModalOpener.TimeOff,
        "page" => ModalOpener.Page,
        _ => null,
    };
}
