using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace TechFlow.OnCall.Slack.Tests.Support;

/// <summary><c>apps.connections.open</c> (pointing at a fake Socket Mode server) and the <c>views.*</c> methods.</summary>
public sealed partial class FakeSlackApi
{
    private readonly ConcurrentDictionary<string, JsonNode> _homes = new();
    private int _views;

    /// <summary>What <c>apps.connections.open</c> answers with (a fake Socket Mode server's next URL); null: not set up.</summary>
    public Func<string>? SocketUrl { get; set; }

    /// <summary>The Home tab last published for <paramref name="userId"/>, or null.</summary>
    public JsonNode? Home(string userId) => _homes.TryGetValue(userId, out var view) ? view : null;

    private JsonObject? AnswerSocketOrViews(string method, JsonNode? body) => method switch
    {
        "apps.connections.open" => SocketUrl is { } next
            ? new JsonObject { ["ok"] = true, ["url"] = next() }
            : new JsonObject { ["ok"] = false, ["error"] = "not_allowed_token_type" },
        "views.open" or "views.update" or "views.push" => new JsonObject
        {
            ["ok"] = true,
            ["view"] = new JsonObject { ["id"] = $"V{Interlocked.Increment(ref _views):D4}", ["hash"] = "h1" },
        },
        "views.publish" => Publish(body),
        _ => null,
    };

    private JsonObject Publish(JsonNode? body)
    {
        if (body?["user_id"]?.GetValue<string>() is { } user && body["view"] is { } view)
        {
            _homes[user] = view.DeepClone();
        }

        return new JsonObject { ["ok"] = true, ["view"] = new JsonObject { ["id"] = "VHOME" } };
    }
}
