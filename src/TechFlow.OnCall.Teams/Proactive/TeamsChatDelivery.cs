using Microsoft.Extensions.Options;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Teams.Cards;
using TechFlow.OnCall.Teams.Connector;

namespace TechFlow.OnCall.Teams.Proactive;

/// <summary>
/// Delivers outbox messages to Teams: channel posts to the stored team channel, direct messages to the personal
/// chat of engineers whose Teams ids are known (creating the 1:1 chat when needed). A 429 becomes
/// <see cref="DeliveryOutcome.Retry"/> (the lane parks), a server error <see cref="DeliveryOutcome.Uncertain"/>;
/// the platform ref is <c>{conversation id}|{activity id}</c>.
/// </summary>
/// <remarks>
/// The Bot Connector cannot look up what a bot sent, so a post whose outcome is unknown (a crash after the call
/// began, a timeout, a 5xx) is sent again: Teams posts are delivered at least once, never lost, and may in that
/// case show twice. Updates (PUT) replace the earlier card, so repeating them never doubles anything.
/// </remarks>
public sealed class TeamsChatDelivery(
    ConnectorClient connector,
    TeamsConversations conversations,
    RosterService roster,
    IOptions<TeamsOptions> options,
    TimeProvider time) : IChatDelivery
{
    public string Name => "teams";

    public bool IsEnabled => options.Value.HasAppId || conversations.HasTeamChannel();

    public async Task<DeliveryOutcome> DeliverAsync(OutboxMessage message, string? updateRef, CancellationToken cancellationToken)
    {
        var target = message.DirectTo is null ? conversations.TeamChannel() : await PersonalChatAsync(message.DirectTo, cancellationToken);
        if (target is null)
        {
            return new DeliveryOutcome.Failed(message.DirectTo is null
                ? "no Teams channel: add the bot to a team first"
                : $"no Teams chat for {message.DirectTo}: their Teams id is unknown");
        }

        var activity = ReplyActivity.Message(message.Reply);
        var update = ParseRef(updateRef);
        var result = update is { } u && u.Conversation == target.Id
            ? await connector.UpdateAsync(target.ServiceUrl, target.Id, u.Activity, activity, cancellationToken)
            : await connector.PostAsync(target.ServiceUrl, target.Id, activity, cancellationToken);
        if (result.IsSuccess)
        {
            return new DeliveryOutcome.Sent($"{target.Id}|{result.Id ?? update?.Activity}");
        }

        var error = $"Bot Connector answered {(int)result.Status}: {Truncate(result.Body?.ToJsonString())}";
        return result.Status == System.Net.HttpStatusCode.TooManyRequests ? new DeliveryOutcome.Retry(result.RetryAfter ?? TimeSpan.FromSeconds(1), error)
            : result.IsTransient ? new DeliveryOutcome.Uncertain(result.RetryAfter ?? TimeSpan.Zero, error)
            : new DeliveryOutcome.Failed(error);
    }

    /// <summary>An update is repeated (PUT replaces); a post cannot be looked up and is sent again, at least once.</summary>
    public Task<Reconciliation> ReconcileAsync(OutboxMessage message, string? updateRef, DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult<Reconciliation>(ParseRef(updateRef) is not null
            ? new Reconciliation.NotLanded()
            : new Reconciliation.Unknown(AtLeastOnce));

    /// <summary>Why a Teams post left in Sending is sent again.</summary>
    public const string AtLeastOnce = "the Bot Connector cannot look up sent messages; sent again (at least once)";

    private async Task<TeamsConversation?> PersonalChatAsync(string engineerId, CancellationToken ct)
    {
        if (roster.Find(engineerId)?.TeamsUserId is not { Length: > 0 } userId)
        {
            return null;
        }

        if (conversations.PersonalChat(userId) is { } known)
        {
            return known;
        }

        if (conversations.Any() is not { BotId: { } botId } seed)
        {
            return null;
        }

        var created = await connector.CreatePersonalConversationAsync(seed.ServiceUrl, botId, userId, seed.TenantId, ct);
        if (!created.IsSuccess || created.Id is not { } id)
        {
            if (created.IsTransient)
            {
                throw new HttpRequestException($"creating the personal chat failed with {(int)created.Status}", null, created.Status);
            }

            return null;
        }

        var chat = new TeamsConversation
        {
            Id = id,
            ServiceUrl = seed.ServiceUrl,
            ConversationType = TeamsConversation.Personal,
            TenantId = seed.TenantId,
            BotId = botId,
            UserId = userId,
            UpdatedAt = time.GetUtcNow(),
        };
        conversations.Save(chat);
        return chat;
    }

    private static (string Conversation, string Activity)? ParseRef(string? platformRef)
    {
        var bar = platformRef?.LastIndexOf('|') ?? -1;
        return bar <= 0 || bar == platformRef!.Length - 1 ? null : (platformRef[..bar], platformRef[(bar + 1)..]);
    }

    private static string Truncate(string? text) => text is null ? "" : text.Length <= 300 ? text : text[..300];
}
