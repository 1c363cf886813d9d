using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace TechFlow.OnCall.Slack.Tests.Support;

/// <summary>What the fake keeps of posted messages, the hooks around processing, and <c>conversations.history</c>.</summary>
public sealed partial class FakeSlackApi
{
    private readonly ConcurrentDictionary<string, List<(string Ts, JsonNode Body)>> _posted = new();
    private long _seq;

    /// <summary>Slack's clock, for message timestamps (the bot's clock in tests that fake time).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>The Retry-After (seconds) sent with a forced 429.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Runs before a call is processed; false drops it unprocessed (as if it never reached Slack).</summary>
    public Func<FakeSlackCall, Task<bool>>? BeforeProcessing { get; set; }

    /// <summary>Runs after a call was processed (a post is in the channel) and before it is answered: a slow answer.</summary>
    public Func<FakeSlackCall, Task>? AfterProcessing { get; set; }

    /// <summary>The Slack user id <c>users.lookupByEmail</c> finds for an address; null (the default): nobody.</summary>
    public Func<string, string?>? UserIdForEmail { get; set; }

    /// <summary>The outbox keys (message metadata) of every message posted to <paramref name="channel"/>, oldest first.</summary>
    public IReadOnlyList<string?> PostedKeys(string channel) =>
        _posted.TryGetValue(channel, out var list) ? Locked(list, l => l.Select(m => KeyOf(m.Body)).ToList()) : [];

    /// <summary>The outbox keys of every posted message in every channel.</summary>
    public IReadOnlyList<string?> AllPostedKeys() => [.. AllPosted().Select(KeyOf)];

    /// <summary>Every posted message body in every channel.</summary>
    public IReadOnlyList<JsonNode> AllPosted() => [.. _posted.Values.SelectMany(l => Locked(l, x => x.Select(m => m.Body).ToList()))];

    /// <summary>The outbox key a message carries in its metadata (<c>event_payload.key</c>).</summary>
    public static string? KeyOf(JsonNode? body) => body?["metadata"]?["event_payload"]?["key"]?.GetValue<string>();

    private string NextTs()
    {
        var seconds = Clock.GetUtcNow().ToUnixTimeSeconds();
        var seq = Interlocked.Increment(ref _seq) % 1_000_000;
        return string.Create(CultureInfo.InvariantCulture, $"{seconds}.{seq:D6}");
    }

    private JsonObject LookupByEmail(string email) => UserIdForEmail?.Invoke(email) is { } id
        ? new JsonObject { ["ok"] = true, ["user"] = new JsonObject { ["id"] = id, ["name"] = id.ToLowerInvariant(), ["is_bot"] = false, ["profile"] = new JsonObject { ["email"] = email } } }
        : new JsonObject { ["ok"] = false, ["error"] = "users_not_found" };

    private void Record(string channel, string ts, JsonNode body)
    {
        var list = _posted.GetOrAdd(channel, _ => []);
        lock (list)
        {
            list.Add((ts, body.DeepClone()));
        }
    }

    /// <summary>Newest first, at most <c>limit</c> per page, ts &gt; <c>oldest</c>; metadata only with include_all_metadata.</summary>
    private JsonObject History(IReadOnlyDictionary<string, string> query)
    {
        var channel = query.GetValueOrDefault("channel") ?? "";
        var oldest = decimal.TryParse(query.GetValueOrDefault("oldest"), NumberStyles.Number, CultureInfo.InvariantCulture, out var o) ? o : 0m;
        var limit = int.TryParse(query.GetValueOrDefault("limit"), out var l) ? Math.Clamp(l, 1, 999) : 100;
        var skip = int.TryParse(query.GetValueOrDefault("cursor"), out var c) ? c : 0;
        var metadata = query.GetValueOrDefault("include_all_metadata") is "true" or "1";
        var all = _posted.TryGetValue(channel, out var list) ? Locked(list, x => x.ToList()) : [];
        var matching = all
            .Where(m => decimal.Parse(m.Ts, CultureInfo.InvariantCulture) > oldest)
            .OrderByDescending(m => decimal.Parse(m.Ts, CultureInfo.InvariantCulture))
            .ToList();
        var page = matching.Skip(skip).Take(limit).Select(m =>
        {
            var message = new JsonObject { ["type"] = "message", ["ts"] = m.Ts, ["text"] = m.Body["text"]?.DeepClone(), ["bot_id"] = "B0BOT" };
            if (metadata && m.Body["metadata"] is { } meta)
            {
                message["metadata"] = meta.DeepClone();
            }

            return (JsonNode)message;
        }).ToArray();
        var more = skip + page.Length < matching.Count;
        return new JsonObject
        {
            ["ok"] = true,
            ["messages"] = new JsonArray(page),
            ["has_more"] = more,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = more ? (skip + page.Length).ToString(CultureInfo.InvariantCulture) : "" },
        };
    }

    private static T Locked<T>(List<(string Ts, JsonNode Body)> list, Func<List<(string Ts, JsonNode Body)>, T> read)
    {
        lock (list)
        {
            return read(list);
        }
    }
}
