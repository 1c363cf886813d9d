using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TechFlow.OnCall.Slack.Api;

/// <summary>The typed method groups, each a thin shape over <see cref="ISlackApiClient.PostAsync"/>/<see cref="ISlackApiClient.GetAsync"/>.</summary>
internal sealed class SlackApiGroups(ISlackApiClient client) : IChatApi, IConversationsApi, IUsersApi, IUserGroupsApi, IViewsApi
{
    public async Task<PostedMessage> PostMessageAsync(string channel, SlackMessage message, string? threadTs, CancellationToken cancellationToken)
    {
        var args = message.WriteTo(new JsonObject { ["channel"] = channel });
        if (threadTs is not null)
        {
            args["thread_ts"] = threadTs;
        }

        var result = await client.PostAsync("chat.postMessage", args, cancellationToken);
        return new PostedMessage(Str(result, "channel") ?? channel, Str(result, "ts") ?? "");
    }

    public async Task<PostedMessage> UpdateAsync(string channel, string ts, SlackMessage message, CancellationToken cancellationToken)
    {
        var args = message.WriteTo(new JsonObject { ["channel"] = channel, ["ts"] = ts });
        var result = await client.PostAsync("chat.update", args, cancellationToken);
        return new PostedMessage(Str(result, "channel") ?? channel, Str(result, "ts") ?? ts);
    }

    public async Task<string> PostEphemeralAsync(string channel, string user, SlackMessage message, CancellationToken cancellationToken)
    {
        var args = message.WriteTo(new JsonObject { ["channel"] = channel, ["user"] = user });
        var result = await client.PostAsync("chat.postEphemeral", args, cancellationToken);
        return Str(result, "message_ts") ?? "";
    }

    public async Task<string> OpenAsync(IReadOnlyList<string> users, CancellationToken cancellationToken)
    {
        var result = await client.PostAsync("conversations.open", new JsonObject { ["users"] = string.Join(',', users) }, cancellationToken);
        return result.TryGetProperty("channel", out var channel) ? Str(channel, "id") ?? throw new SlackApiException("invalid_response")
            : throw new SlackApiException("invalid_response");
    }

    public async Task<HistoryPage> HistoryAsync(string channel, DateTimeOffset oldest, string? cursor, CancellationToken cancellationToken)
    {
        var args = new Dictionary<string, string>
        {
            ["channel"] = channel,
            ["oldest"] = (oldest.ToUnixTimeMilliseconds() / 1000m).ToString("F6", CultureInfo.InvariantCulture),
            ["include_all_metadata"] = "true",
            ["limit"] = "200",
        };
        if (!string.IsNullOrEmpty(cursor))
        {
            args["cursor"] = cursor;
        }

        var result = await client.GetAsync("conversations.history", args, cancellationToken);
        var messages = new List<HistoryMessage>();
        if (result.TryGetProperty("messages", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var m in list.EnumerateArray())
            {
                var meta = m.TryGetProperty("metadata", out var md) && md.ValueKind == JsonValueKind.Object ? md : default;
                messages.Add(new HistoryMessage(
                    Str(m, "ts") ?? "",
                    meta.ValueKind == JsonValueKind.Object ? Str(meta, "event_type") : null,
                    meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty("event_payload", out var payload) ? payload.Clone() : null));
            }
        }

        var next = result.TryGetProperty("response_metadata", out var rm) && rm.ValueKind == JsonValueKind.Object ? Str(rm, "next_cursor") : null;
        var more = result.TryGetProperty("has_more", out var hm) && hm.ValueKind == JsonValueKind.True;
        return new HistoryPage(messages, more && !string.IsNullOrEmpty(next) ? next : null);
    }

    public Task SetTopicAsync(string channel, string topic, CancellationToken cancellationToken) =>
        client.PostAsync("conversations.setTopic", new JsonObject { ["channel"] = channel, ["topic"] = topic }, cancellationToken);

    public async Task<SlackUser> InfoAsync(string user, CancellationToken cancellationToken)
    {
        var result = await client.GetAsync("users.info", new Dictionary<string, string> { ["user"] = user }, cancellationToken);
        return result.TryGetProperty("user", out var u) ? ToUser(u) : throw new SlackApiException("invalid_response");
    }

    public async Task<SlackUser?> LookupByEmailAsync(string email, CancellationToken cancellationToken)
    {
        try
        {
            var result = await client.GetAsync("users.lookupByEmail", new Dictionary<string, string> { ["email"] = email }, cancellationToken);
            return result.TryGetProperty("user", out var u) ? ToUser(u) : null;
        }
        catch (SlackApiException ex) when (ex.ErrorCode is "users_not_found" or "user_not_found")
        {
            return null;
        }
    }

    public Task UpdateUsersAsync(string userGroup, IReadOnlyList<string> users, CancellationToken cancellationToken)
    {
        var list = new JsonArray([.. users.Select(u => (JsonNode?)JsonValue.Create(u))]);
        return client.PostAsync("usergroups.users.update", new JsonObject { ["usergroup"] = userGroup, ["users"] = list }, cancellationToken);
    }

    public async Task<string> OpenAsync(string triggerId, JsonObject view, CancellationToken cancellationToken)
    {
        var result = await client.PostAsync("views.open", new JsonObject { ["trigger_id"] = triggerId, ["view"] = view.DeepClone() }, cancellationToken);
        return result.TryGetProperty("view", out var v) && v.ValueKind == JsonValueKind.Object ? Str(v, "id") ?? "" : "";
    }

    public Task UpdateAsync(string viewId, string? hash, JsonObject view, CancellationToken cancellationToken)
    {
        var args = new JsonObject { ["view_id"] = viewId, ["view"] = view.DeepClone() };
        if (hash is not null)
        {
            args["hash"] = hash;
        }

        return client.PostAsync("views.update", args, cancellationToken);
    }

    public Task PublishAsync(string userId, JsonObject view, CancellationToken cancellationToken) =>
        client.PostAsync("views.publish", new JsonObject { ["user_id"] = userId, ["view"] = view.DeepClone() }, cancellationToken);

    private static SlackUser ToUser(JsonElement user)
    {
        var profile = user.TryGetProperty("profile", out var p) ? p : default;
        return new SlackUser(
            Str(user, "id") ?? "",
            Str(user, "name"),
            Str(user, "real_name") ?? (profile.ValueKind == JsonValueKind.Object ? Str(profile, "real_name") : null),
            profile.ValueKind == JsonValueKind.Object ? Str(profile, "email") : null,
            user.TryGetProperty("is_bot", out var bot) && bot.ValueKind == JsonValueKind.True);
    }

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
