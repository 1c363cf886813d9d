using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Slack.Tests.Support;
using TechFlow.OnCall.Storage.Postgres;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Slack.Tests.Reliability;

/// <summary>
/// Two real hosts as child processes on one PostgreSQL database, clustered Quartz, one loopback fake Slack that
/// answers 30% of calls with 429 or 500. Each host speaks to Slack with its own token, so the fake can tell them apart.
/// </summary>
internal sealed class ReplicaTrial : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly FakeSlackApi _slack;
    private IOnCallStore _store = null!;

    private ReplicaTrial(string connectionString, FakeSlackApi slack)
    {
        _connectionString = connectionString;
        _slack = slack;
    }

    public const string TokenA = "xoxb-replica-a";
    public const string TokenB = "xoxb-replica-b";
    public const string PlaygroundToken = "replica-trial-playground-token-0123456789";

    /// <summary>How long each escalation level waits for an acknowledgement in the trial.</summary>
    public static readonly TimeSpan LevelWait = TimeSpan.FromSeconds(8);

    public ChildHost? A { get; private set; }

    public ChildHost? B { get; private set; }

    public IOnCallStore Store => _store;

    public FakeSlackApi Slack => _slack;

    /// <summary>
    /// Starts a fake Slack failing <paramref name="failureRate"/> of calls (half 429 with Retry-After 1, half 500) and
    /// two hosts whose handoff reminder is due at <paramref name="reminder"/>; shortens the escalation waits.
    /// </summary>
    public static async Task<ReplicaTrial> StartAsync(string connectionString, DateTimeOffset reminder, double failureRate, int seed)
    {
        var slack = await FakeSlackApi.StartAsync();
        slack.UserIdForEmail = email => "U" + email.Split('@')[0].Replace(".", "", StringComparison.Ordinal).ToUpperInvariant();
        var random = new Random(seed);
        slack.Responder = (_, _) =>
        {
            lock (random)
            {
                return random.NextDouble() < failureRate ? (random.Next(2) == 0 ? 429 : 500) : null;
            }
        };

        var trial = new ReplicaTrial(connectionString, slack);
        var zone = KillTrial.MiddayZone(reminder);
        // One after the other: the first seeds and plans, the second finds it done.
        trial.A = await ChildHost.StartAsync(trial.Settings(zone, reminder, TokenA));
        trial.B = await ChildHost.StartAsync(trial.Settings(zone, reminder, TokenB));
        trial._store = PostgresStore.Open(connectionString);
        trial._store.Write(tx => tx.Set<EscalationPolicy>().Upsert(EscalationPolicy.Default with
        {
            Levels = [.. EscalationPolicy.Default.Levels.Select(l => l with { Wait = LevelWait })],
        }));
        return trial;
    }

    /// <summary>Opens a page through <paramref name="host"/>'s POST /api/pages; returns its id.</summary>
    public static async Task<string> PageAsync(ChildHost host, string pipeline, string message)
    {
        using var http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(20) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", KillTrial.PagingSecret);
        using var content = new StringContent(new JsonObject { ["pipeline"] = pipeline, ["message"] = message }.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("api/pages", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(body)?["id"]?.GetValue<string>() ?? throw new InvalidOperationException($"POST /api/pages answered {(int)response.StatusCode}: {body}");
    }

    /// <summary>Asks through <paramref name="host"/>'s playground as <paramref name="engineer"/>; returns the plain-text reply.</summary>
    public static async Task<string> AskAsync(ChildHost host, string text, string engineer)
    {
        using var http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(20) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PlaygroundToken);
        using var response = await http.PostAsJsonAsync(new Uri("playground/ask", UriKind.Relative), new { text, @as = engineer });
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(body)?["text"]?.GetValue<string>() ?? body
            : throw new InvalidOperationException($"playground/ask answered {(int)response.StatusCode}: {body}");
    }

    /// <summary>Waits until no Slack delivery is Pending or Sending (at most <paramref name="limit"/>); false if some still are.</summary>
    public async Task<bool> SettledAsync(TimeSpan limit)
    {
        var deadline = DateTimeOffset.UtcNow + limit;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (!_store.Set<OutboxDelivery>().Exists(d => d.Sink == "slack" && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Sending)))
            {
                return true;
            }

            await Task.Delay(250);
        }

        return false;
    }

    /// <summary>
    /// What went wrong, empty when nothing did: a delivery not Sent, a key posted twice or never, a key posted that
    /// the store does not know, or two messages of one priority posted to a channel out of their order.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var deliveries = _store.Set<OutboxDelivery>().Find(d => d.Sink == "slack").ToDictionary(d => d.MessageId);
        var posted = _slack.AllPostedKeys().GroupBy(k => k ?? "(no key)").ToDictionary(g => g.Key, g => g.Count());
        var problems = new List<string>();
        problems.AddRange(posted.Where(p => p.Value > 1).Select(p => $"{p.Key} posted {p.Value} times"));
        problems.AddRange(posted.Keys.Where(k => !deliveries.ContainsKey(k)).Select(k => $"{k} posted but not in the store"));
        problems.AddRange(deliveries.Values.Where(d => d.Status != DeliveryStatus.Sent).Select(d => $"{d.MessageId} is {d.Status}: {d.LastError}"));
        problems.AddRange(deliveries.Values.Where(d => d.Status == DeliveryStatus.Sent && !posted.ContainsKey(d.MessageId) && IsPost(d)).Select(d => $"{d.MessageId} Sent but never posted"));
        foreach (var channel in _slack.AllPosted().Select(b => b["channel"]!.GetValue<string>()).Distinct())
        {
            var order = _slack.PostedKeys(channel).Where(k => k is not null && deliveries.ContainsKey(k)).Select(k => deliveries[k!]).ToList();
            foreach (var pair in order.Zip(order.Skip(1)).Where(p => p.First.Priority == p.Second.Priority && p.First.Seq > p.Second.Seq))
            {
                problems.Add($"{channel}: {pair.Second.MessageId} (seq {pair.Second.Seq}) posted after {pair.First.MessageId} (seq {pair.First.Seq})");
            }
        }

        return problems;
    }

    public async ValueTask DisposeAsync()
    {
        if (A is not null)
        {
            await A.DisposeAsync();
        }

        if (B is not null)
        {
            await B.DisposeAsync();
        }

        (_store as IDisposable)?.Dispose();
        await _slack.DisposeAsync();
    }

    /// <summary>An update (chat.update) of an earlier post is Sent without a post of its own.</summary>
    private bool IsPost(OutboxDelivery delivery) => _store.Set<OutboxMessage>().Get(delivery.MessageId)?.Updates is null;

    private Dictionary<string, string> Settings(TimeZoneInfo zone, DateTimeOffset reminder, string token)
    {
        var settings = KillTrial.Settings(Path.GetTempPath(), _slack, zone, reminder);
        settings.Remove("Store:Path");
        settings["Store:Provider"] = "Postgres";
        settings["Store:ConnectionString"] = _connectionString;
        settings["Slack:BotToken"] = token;
        settings["Playground:Token"] = PlaygroundToken;
        settings["Slack:RequestTimeout"] = "00:00:03";
        settings["Outbox:LeaseDuration"] = "00:00:05";
        settings["Cluster:CheckinInterval"] = "00:00:01";
        settings["Cluster:CheckinMisfireThreshold"] = "00:00:02";
        settings["Cluster:MisfireThreshold"] = "00:00:05";
        settings["Announcements:HandoffReminder"] = TimeZoneInfo.ConvertTime(reminder, zone).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        return settings;
    }
}
