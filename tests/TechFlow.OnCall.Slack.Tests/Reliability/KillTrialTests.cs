using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using TechFlow.OnCall.Slack.Tests.Support;
using TechFlow.OnCall.Testing;
using Xunit.Abstractions;

namespace TechFlow.OnCall.Slack.Tests.Reliability;

/// <summary>
/// kill -9 trials against the real host in a child process. CI runs one trial of each kind; set
/// <c>ONCALL_KILL_TRIALS=20</c> (and <c>ONCALL_LATENCY_PAGES=20</c>) for the figures in docs/reliability.md, and
/// <c>ONCALL_TRIALS_REPORT=path</c> to append the summaries to a file.
/// </summary>
[Trait("Category", "KillTrials")]
public sealed class KillTrialTests(ITestOutputHelper output)
{
    private static int Count(string variable, int ci) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var n) && n > 0 ? n : ci;

    [Theory]
    [InlineData(KillMoment.BeforeSend)]
    [InlineData(KillMoment.DuringSlowSend)]
    [InlineData(KillMoment.AfterSendBeforeMarking)]
    [InlineData(KillMoment.DuringPageBurst)]
    public async Task Host_KilledAtTheMoment_RestartPostsEveryMessageExactlyOnce(KillMoment moment)
    {
        var results = new List<TrialResult>();
        var broken = new List<string>();
        for (var i = 0; i < Count("ONCALL_KILL_TRIALS", 1); i++)
        {
            try
            {
                results.Add(await KillTrial.RunAsync(moment, seed: (1000 * (int)moment) + i));
            }
            catch (TimeoutException ex)
            {
                broken.Add(ex.Message);
            }
        }

        var late = results.Where(r => r.ReminderLateness is not null).Select(r => r.ReminderLateness!.Value.TotalMilliseconds).Order().ToList();
        var timing = late.Count == 0 ? ""
            : string.Create(CultureInfo.InvariantCulture, $", reminder reached Slack {late[late.Count / 2]:F0} ms (median) / {late[^1]:F0} ms (max) after its instant");
        Report(string.Create(CultureInfo.InvariantCulture,
            $"{moment}: {results.Count} trials, {results.Sum(r => r.Expected)} deliveries, {results.Sum(r => r.Duplicates.Count)} duplicates, {results.Sum(r => r.Losses.Count)} losses{timing}; {broken.Count} without a kill"));
        Assert.Empty(broken);
        Assert.All(results, r => Assert.True(r.Clean, r.ToString()));
    }

    [Fact]
    public async Task Host_TeamChannelRateLimited_PageDmsDoNotWaitForIt()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        slack.UserIdForEmail = email => "U" + email.Split('@')[0].Replace(".", "", StringComparison.Ordinal).ToUpperInvariant();
        slack.RetryAfterSeconds = 20;
        slack.Responder = (call, _) => call.Method == "chat.postMessage" && call.Body?["channel"]?.GetValue<string>() == KillTrial.TeamChannel ? 429 : null;
        var arrived = new ConcurrentDictionary<string, DateTimeOffset>();
        slack.AfterProcessing = call =>
        {
            if (FakeSlackApi.KeyOf(call.Body) is { } key)
            {
                arrived.TryAdd(key, DateTimeOffset.UtcNow);
            }

            return Task.CompletedTask;
        };
        var directory = Directory.CreateTempSubdirectory("oncall-latency-").FullName;
        var now = DateTimeOffset.UtcNow;
        var settings = KillTrial.Settings(directory, slack, KillTrial.MiddayZone(now), now.AddHours(1));
        var latencies = new List<double>();
        await using (var host = await ChildHost.StartAsync(settings))
        {
            using var http = new HttpClient { BaseAddress = host.Address };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", KillTrial.PagingSecret);
            for (var i = 0; i < Count("ONCALL_LATENCY_PAGES", 3) + 1; i++)
            {
                var started = DateTimeOffset.UtcNow;
                using var content = new StringContent($$"""{"pipeline":"aggregate-profit","message":"latency page {{i}}"}""", Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri("api/pages", UriKind.Relative), content);
                var id = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
                var key = $"page:{id}:L1:dm";
                Assert.True(await slack.WaitForAsync(_ => arrived.ContainsKey(key)), $"{key} never arrived\n{host.Output}");
                if (i > 0)
                {
                    // The first page parks the team channel (its own channel post gets the 429); the rest are measured.
                    latencies.Add((arrived[key] - started).TotalMilliseconds);
                }
            }

            Assert.InRange(slack.Calls.Count(c => c.Status == 429), 1, 2);
        }

        Directory.Delete(directory, recursive: true);
        latencies.Sort();
        Report(string.Create(CultureInfo.InvariantCulture,
            $"page DM with the team channel rate-limited (429, Retry-After 20): {latencies.Count} pages, median {latencies[latencies.Count / 2]:F0} ms, max {latencies[^1]:F0} ms"));
        Assert.All(latencies, ms => Assert.True(ms < 20_000, $"a page DM waited {ms:F0} ms: it was held behind the parked channel"));
    }

    private void Report(string line)
    {
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("ONCALL_TRIALS_REPORT") is { Length: > 0 } path)
        {
            File.AppendAllText(path, line + Environment.NewLine);
        }
    }
}
