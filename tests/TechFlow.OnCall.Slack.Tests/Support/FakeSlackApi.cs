using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TechFlow.OnCall.Slack.Tests.Support;

/// <summary>
/// A loopback stand-in for the Slack Web API and response_url hooks (Kestrel on 127.0.0.1, a free port).
/// Records every call; <see cref="Responder"/> may answer some with 429 or 500. Posted messages (with their
/// metadata) are kept per channel and answered by <c>conversations.history</c>, as Slack would.
/// </summary>
public sealed partial class FakeSlackApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeSlackCall> _calls = new();

    private FakeSlackApi(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Every call in arrival order, including refused ones.</summary>
    public IReadOnlyList<FakeSlackCall> Calls => [.. _calls];

    /// <summary>Given the call and how many times this method was called before, an HTTP status to force (null: answer normally).</summary>
    public Func<FakeSlackCall, int, int?> Responder { get; set; } = (_, _) => null;

    /// <summary>Given the call, a Slack error code to answer with <c>ok:false</c> (null: answer normally).</summary>
    public Func<FakeSlackCall, string?> SlackError { get; set; } = _ => null;

    public static async Task<FakeSlackApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeSlackApi(app);
        app.MapPost("/api/{method}", (string method, HttpContext context) => fake.HandleAsync(method, context));
        app.MapGet("/api/{method}", (string method, HttpContext context) => fake.HandleAsync(method, context));
        app.MapPost("/hooks/{id}", (string id, HttpContext context) => fake.HandleAsync("response_url:" + id, context));
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First();
        return fake;
    }

    /// <summary>The calls of one method that were answered ok.</summary>
    public IReadOnlyList<FakeSlackCall> Succeeded(string method) =>
        [.. Calls.Where(c => c.Method == method && c.Status == 200)];

    /// <summary>Waits (up to 30 s, polling) until <paramref name="condition"/> holds; false if it never does.</summary>
    public async Task<bool> WaitForAsync(Func<FakeSlackApi, bool> condition)
    {
        for (var i = 0; i < 600; i++)
        {
            if (condition(this))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return condition(this);
    }

    private async Task<IResult> HandleAsync(string method, HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync();
        JsonNode? body = null;
        if (context.Request.ContentType?.Contains("json", StringComparison.Ordinal) == true && text.Length > 0)
        {
            body = JsonNode.Parse(text);
        }

        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        var previous = _calls.Count(c => c.Method == method);
        var call = new FakeSlackCall(method, body, query, context.Request.Headers.Authorization.ToString(), 200);
        var forced = Responder(call, previous);
        if (forced is { } status)
        {
            _calls.Enqueue(call with { Status = status });
            if (status == 429)
            {
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Results.StatusCode(status);
        }

        if (BeforeProcessing is { } before && !await before(call))
        {
            _calls.Enqueue(call with { Status = 499 });
            return Results.StatusCode(499);
        }

        _calls.Enqueue(call);
        if (SlackError(call) is { } error)
        {
            return Results.Text(new JsonObject { ["ok"] = false, ["error"] = error }.ToJsonString(), "application/json");
        }

        var ts = NextTs();
        var channel = body?["channel"]?.GetValue<string>() ?? "D0DM";
        if (method == "chat.postMessage")
        {
            Record(channel, ts, body!);
        }

        if (AfterProcessing is { } after)
        {
            await after(call);
        }

        JsonObject answer = AnswerSocketOrViews(method, body) ?? method switch
        {
            "chat.postMessage" or "chat.update" => new() { ["ok"] = true, ["channel"] = channel, ["ts"] = body?["ts"]?.GetValue<string>() ?? ts },
            "conversations.history" => History(query),
            "chat.postEphemeral" => new() { ["ok"] = true, ["message_ts"] = ts },
            "conversations.open" => new() { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = "D" + body?["users"]?.GetValue<string>() } },
            "users.info" => UserInfo(query.GetValueOrDefault("user") ?? ""),
            "users.lookupByEmail" => LookupByEmail(query.GetValueOrDefault("email") ?? ""),
            _ => new() { ["ok"] = true },
        };
        return Results.Text(answer.ToJsonString(), "application/json");
    }

    /// <summary>U0ALEX is alex.chen@techflow.example; everyone else is a guest.</summary>
    private static JsonObject UserInfo(string user) => new()
    {
        ["ok"] = true,
        ["user"] = new JsonObject
        {
            ["id"] = user,
            ["name"] = user.ToLowerInvariant(),
            ["is_bot"] = false,
            ["profile"] = new JsonObject { ["email"] = user == "U0ALEX" ? "alex.chen@techflow.example" : $"{user.ToLowerInvariant()}@guest.example" },
        },
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
