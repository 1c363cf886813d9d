using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Slack.Identity;
using TechFlow.OnCall.Slack.Rendering;

namespace TechFlow.OnCall.Slack.Commands;

/// <summary><c>/oncall …</c>: the text goes to the core as a question; the reply is rendered as Block Kit.</summary>
public sealed class OnCallCommandHandler(ConversationService conversation, SlackIdentityResolver identity) : ISlashCommandHandler
{
    public string Command => "*";

    public async Task<SlashCommandResponse> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var engineer = await identity.ResolveAsync(command.UserId, cancellationToken);
        var reply = await conversation.AskAsync(new BotInput
        {
            Platform = "slack",
            EngineerId = engineer?.Id,
            PlatformUserId = command.UserId,
            DisplayName = engineer?.Name,
            ChannelId = command.ChannelId,
            Text = command.Text,
        }, cancellationToken);
        return new SlashCommandResponse(BlockKitRenderer.Render(reply), reply.InChannel);
    }
}
