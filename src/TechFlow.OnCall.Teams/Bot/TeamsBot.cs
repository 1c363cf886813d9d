using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Teams.Activities;
using TechFlow.OnCall.Teams.Cards;
using TechFlow.OnCall.Teams.Proactive;

namespace TechFlow.OnCall.Teams.Bot;

/// <summary>
/// Handles one authenticated activity: messages go to the conversation grammar and are answered through the
/// Bot Connector, <c>adaptiveCard/action</c> invokes are answered in the HTTP response with the updated card,
/// and installs store the conversation reference for proactive posts.
/// </summary>
public sealed class TeamsBot(
    ConversationService conversation,
    TeamsIdentity identity,
    TeamsConversations conversations,
    TeamsReplies replies,
    ILogger<TeamsBot> logger)
{
    public const string CardActionInvoke = "adaptiveCard/action";
    private const string InvokeResponseCard = AdaptiveCardRenderer.ContentType;
    private const string InvokeResponseMessage = "application/vnd.microsoft.activity.message";
    private const string InvokeResponseError = "application/vnd.microsoft.error";

    public Task<BotResponse> HandleAsync(Activity activity, CancellationToken cancellationToken) => activity.Type switch
    {
        "message" => MessageAsync(activity, cancellationToken),
        "invoke" => InvokeAsync(activity, cancellationToken),
        "conversationUpdate" => Task.FromResult(ConversationUpdate(activity)),
        "installationUpdate" => Task.FromResult(InstallationUpdate(activity)),
        _ => Task.FromResult(BotResponse.Ok),
    };

    private async Task<BotResponse> MessageAsync(Activity activity, CancellationToken ct)
    {
        if (MentionText.Command(activity, identity.Reference) is not { } text || activity.ServiceUrl is null || activity.Conversation?.Id is not { } conversationId)
        {
            return BotResponse.Ok;
        }

        if (string.Equals(activity.Conversation.ConversationType, TeamsConversation.Personal, StringComparison.OrdinalIgnoreCase))
        {
            conversations.Remember(activity);
        }

        var engineer = await identity.ResolveAsync(activity, ct);
        var reply = await conversation.AskAsync(Input(activity, engineer?.Id) with { Text = text }, ct);
        var message = ReplyActivity.Message(reply);
        message["from"] = Account(activity.Recipient);
        message["recipient"] = Account(activity.From);
        message["conversation"] = new JsonObject { ["id"] = conversationId };
        message["replyToId"] = activity.Id;
        await replies.SendAsync(activity.ServiceUrl, conversationId, activity.Id, message);
        return BotResponse.Ok;
    }

    private async Task<BotResponse> InvokeAsync(Activity activity, CancellationToken ct)
    {
        if (activity.Name != CardActionInvoke)
        {
            return new BotResponse(501);
        }

        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object
            || !action.TryGetProperty("type", out var type) || type.GetString() != "Action.Execute")
        {
            return Invoke(400, InvokeResponseError, new JsonObject { ["code"] = "NotSupported", ["message"] = "Only Action.Execute is supported." });
        }

        var verb = action.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (string.IsNullOrEmpty(verb))
        {
            return Invoke(400, InvokeResponseError, new JsonObject { ["code"] = "BadRequest", ["message"] = "The action has no verb." });
        }

        var data = action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object
            && d.TryGetProperty("value", out var dv) && dv.ValueKind == JsonValueKind.String ? dv.GetString() ?? "" : "";
        var engineer = await identity.ResolveAsync(activity, ct);
        var result = await conversation.ActAsync(Input(activity, engineer?.Id) with { Action = new BotAction(verb, data) }, ct);
        return result.Replacement is { } replacement
            ? Invoke(200, InvokeResponseCard, AdaptiveCardRenderer.Render(replacement))
            : Invoke(200, InvokeResponseMessage, JsonValue.Create(ReplyMarkup.Commands(result.Notice ?? "Done.", TeamsFrontEnd.CommandPrefix)));
    }

    private BotResponse ConversationUpdate(Activity activity)
    {
        var botId = activity.Recipient?.Id;
        if (botId is not null && activity.MembersAdded?.Any(m => m.Id == botId) == true)
        {
            var reference = conversations.Remember(activity);
            logger.LogInformation("Added to Teams conversation {Conversation} ({Type})", reference?.Id, reference?.ConversationType);
        }
        else if (botId is not null && activity.MembersRemoved?.Any(m => m.Id == botId) == true && activity.Conversation?.Id is { } id)
        {
            conversations.Forget(id);
            logger.LogInformation("Removed from Teams conversation {Conversation}", id);
        }

        return BotResponse.Ok;
    }

    private BotResponse InstallationUpdate(Activity activity)
    {
        if (string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase))
        {
            conversations.Remember(activity);
        }

        return BotResponse.Ok;
    }

    private static BotInput Input(Activity activity, string? engineerId) => new()
    {
        FrontEnd = TeamsFrontEnd.Descriptor,
        EngineerId = engineerId,
        PlatformUserId = activity.From?.Id,
        DisplayName = activity.From?.Name,
        ChannelId = activity.Conversation?.Id,
    };

    private static JsonObject? Account(ChannelAccount? account) =>
        account is null ? null : new JsonObject { ["id"] = account.Id, ["name"] = account.Name };

    private static BotResponse Invoke(int statusCode, string type, JsonNode? value) =>
        new(200, new JsonObject { ["statusCode"] = statusCode, ["type"] = type, ["value"] = value });
}
