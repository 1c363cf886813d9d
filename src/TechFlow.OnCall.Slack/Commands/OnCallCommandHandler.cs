using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Slack.Identity;
using TechFlow.OnCall.Slack.Modals;
using TechFlow.OnCall.Slack.Rendering;

namespace TechFlow.OnCall.Slack.Commands;

/// <summary>
/// <c>/oncall …</c>: the text goes to the core as a question; the reply is rendered as Block Kit. <c>/oncall swap</c>,
/// <c>/oncall timeoff</c> and <c>/oncall page</c> with nothing after them open the form instead.
/// </summary>
public sealed class OnCallCommandHandler(ConversationService conversation, SlackIdentityResolver identity, ModalOpener modals) : ISlashCommandHandler
{
    public string Command => "*";

    public async Task<SlashCommandResponse?> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var form = command.Text.Trim().ToLowerInvariant() switch
        {
            "swap" or "cover" => ModalOpener.Swap,
            "timeoff" or "time off" or "time-off" or "timeoff add" => ModalOpener.TimeOff,
            "page" => ModalOpener.Page,
            _ => null,
        };
        if (form is not null && command.TriggerId is { } trigger && await modals.OpenAsync(form, trigger, command.UserId, null, cancellationToken))
        {
            return null;
        }

        var input = await identity.InputAsync(command.UserId, command.ChannelId, cancellationToken);
        var reply = await conversation.AskAsync(input with { Text = identity.Mentions(command.Text) }, cancellationToken);
        return new SlashCommandResponse(BlockKitRenderer.Render(reply), reply.InChannel);
    }
}
