using System.Text.RegularExpressions;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Slack.Api;
using TechFlow.OnCall.Slack.Identity;
using TechFlow.OnCall.Slack.Rendering;

namespace TechFlow.OnCall.Slack.Events;

/// <summary>
/// Answers questions asked by mentioning the bot (reply in the thread) or in a direct message (reply in the DM).
/// </summary>
public sealed partial class QuestionCallbackHandler(
    ConversationService conversation,
    SlackIdentityResolver identity,
    ISlackApiClient api) : IEventCallbackHandler
{
    public IReadOnlyList<string> EventTypes { get; } = ["app_mention", "message"];

    public async Task HandleAsync(EventCallback callback, CancellationToken cancellationToken)
    {
        var isMention = callback.Type == "app_mention";
        if (callback.IsFromBot || callback.Channel is null || callback.User is null
            || (!isMention && (callback.ChannelType != "im" || callback.Subtype is not null)))
        {
            return;
        }

        var input = await identity.InputAsync(callback.User, callback.Channel, cancellationToken);
        var reply = await conversation.AskAsync(input with { Text = identity.MessageText(LeadingMentions().Replace(callback.Text, "").Trim()) }, cancellationToken);
        var threadTs = isMention ? callback.ThreadTs ?? callback.Ts : null;
        await api.Chat.PostMessageAsync(callback.Channel, BlockKitRenderer.Render(reply), threadTs, cancellationToken);
    }

    [GeneratedRegex(@"^(\s*<@[A-Z0-9]+(\|[^>]*)?>)+")]
    private static partial Regex LeadingMentions();
}
