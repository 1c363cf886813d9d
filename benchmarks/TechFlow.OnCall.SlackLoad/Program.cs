using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

// Sends signed `/oncall aggregate profit` slash commands to a running host at a fixed rate and prints latency
// percentiles. Usage: dotnet run -c Release -- [baseUrl[,baseUrl...]] [signingSecret] [perSecond] [seconds]
// Several base URLs (replicas) share the load in turn, as a round-robin load balancer would.
var baseUrls = (args.ElementAtOrDefault(0) ?? "http://127.0.0.1:3978").Split(',', StringSplitOptions.RemoveEmptyEntries);
var secret = args.ElementAtOrDefault(1) ?? Environment.GetEnvironmentVariable("Slack__SigningSecret") ?? "load-test-secret";
var rate = int.Parse(args.ElementAtOrDefault(2) ?? "20", CultureInfo.InvariantCulture);
var seconds = int.Parse(args.ElementAtOrDefault(3) ?? "30", CultureInfo.InvariantCulture);
var targets = new List<Uri>();
foreach (var baseUrl in baseUrls)
{
    if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var baseUri) || !baseUri.IsLoopback)
    {
        Console.Error.WriteLine("The load tool only targets hosts on 127.0.0.1/localhost.");
        return 2;
    }

    targets.Add(new Uri(baseUri, "/slack/commands"));
}

using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
var sentCount = 0;
const string Body = "token=x&team_id=T1&team_domain=load&channel_id=C0LOAD&channel_name=load&user_id=U0LOAD&user_name=load"
    + "&command=%2Foncall&text=aggregate%20profit&api_app_id=A0LOAD&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1%2F1%2Fx&trigger_id=1.2.3";
var bodyBytes = Encoding.UTF8.GetBytes(Body);

async Task<(double Ms, int Status)> SendOnce()
{
    var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    byte[] data = [.. Encoding.UTF8.GetBytes($"v0:{ts}:"), .. bodyBytes];
    var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data);
    var target = targets[Interlocked.Increment(ref sentCount) % targets.Count];
    using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(bodyBytes) };
    request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
    request.Headers.Add("X-Slack-Request-Timestamp", ts);
    request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(mac));
    var watch = Stopwatch.StartNew();
    try
    {
        using var response = await http.SendAsync(request);
        _ = await response.Content.ReadAsByteArrayAsync();
        return (watch.Elapsed.TotalMilliseconds, (int)response.StatusCode);
    }
    catch (HttpRequestException)
    {
        return (watch.Elapsed.TotalMilliseconds, 0);
    }
    catch (TaskCanceledException)
    {
        return (watch.Elapsed.TotalMilliseconds, -1);
    }
}

for (var i = 0; i < 10; i++)
{
    _ = await SendOnce(); // warm-up, not counted
}

var total = rate * seconds;
var interval = TimeSpan.FromSeconds(1.0 / rate);
var tasks = new List<Task<(double Ms, int Status)>>(total);
var clock = Stopwatch.StartNew();
for (var i = 0; i < total; i++)
{
    var due = interval * i;
    var wait = due - clock.Elapsed;
    if (wait > TimeSpan.Zero)
    {
        await Task.Delay(wait);
    }

    tasks.Add(SendOnce());
}

var results = await Task.WhenAll(tasks);
var elapsed = clock.Elapsed.TotalSeconds;
var sorted = results.Select(r => r.Ms).Order().ToArray();
double P(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{total} requests at {rate}/s over {seconds}s to {targets.Count} host(s): {results.Count(r => r.Status == 200) / elapsed:F1} answered/s, p50 {P(0.50):F1} ms, p90 {P(0.90):F1} ms, p99 {P(0.99):F1} ms, max {sorted[^1]:F1} ms"));
foreach (var group in results.GroupBy(r => r.Status).OrderBy(g => g.Key))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  status {group.Key}: {group.Count()}"));
}

return results.All(r => r.Status == 200) ? 0 : 1;
