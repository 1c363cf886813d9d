using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Slack.Identity;
using TechFlow.OnCall.Slack.Rendering;

namespace TechFlow.OnCall.Slack.Commands;

/// <summary><c>/oncall …</c>: the text goes to the core as a question; the reply is rendered as Block Kit.</summary>
public sealed class OnCallCommandHandler(ConversationService conversation, SlackIdentityResolver identity) : ISlashCommandHandler
{
    public string Command => "*";

    public async Task<SlashCommandResponse?> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var input = await identity.InputAsync(command.UserId, command.ChannelId, cancellationToken);
        var reply = await conversation.AskAsync(input with { Text = command.Text }, cancellationToken);
        return new SlashCommandResponse(BlockKitRenderer.Render(reply), reply.InChannel);
    }
}
