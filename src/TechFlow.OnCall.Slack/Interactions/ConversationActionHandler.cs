using System.Text.Json.Nodes;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Slack.Api;
using TechFlow.OnCall.Slack.Identity;
using TechFlow.OnCall.Slack.Rendering;

namespace TechFlow.OnCall.Slack.Interactions;

/// <summary>
/// Passes a press to the core by action id, then replaces the original message with the outcome (so its buttons
/// are gone and a second press does nothing) and shows the notice to the presser only.
/// </summary>
public sealed class ConversationActionHandler(
    ConversationService conversation,
    SlackIdentityResolver identity,
    ISlackApiClient api) : IBlockActionHandler
{
    public IReadOnlyList<string> ActionIds { get; } = [];

    public async Task HandleAsync(BlockActionRequest request, CancellationToken cancellationToken)
    {
        var input = await identity.InputAsync(request.UserId, request.ChannelId, cancellationToken);
        var result = await conversation.ActAsync(input with { Action = new BotAction(BlockKitRenderer.ActionIdOf(request.ActionId), request.Value) }, cancellationToken);

        if (result.Replacement is { } replacement)
        {
            var message = BlockKitRenderer.Render(replacement);
            if (request.ResponseUrl is { } url)
            {
                await api.RespondAsync(url, message.WriteTo(new JsonObject { ["replace_original"] = true }), cancellationToken);
            }
            else if (request is { ChannelId: { } channel, MessageTs: { } ts, IsEphemeral: false })
            {
                await api.Chat.UpdateAsync(channel, ts, message, cancellationToken);
            }
        }

        if (result.Notice is { Length: > 0 } notice && request.ResponseUrl is { } noticeUrl)
        {
            var note = BlockKitRenderer.Render(Reply.Info(notice));
            await api.RespondAsync(noticeUrl, note.WriteTo(new JsonObject
            {
                ["response_type"] = "ephemeral",
                ["replace_original"] = false,
            }), cancellationToken);
        }
    }
}
