using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Slack.Tests.Support;
using TechFlow.OnCall.Storage;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Slack.Tests.Reliability;

/// <summary>
/// One kill -9 trial: the real host as a child process on a temp store and a loopback fake Slack, killed at a
/// chosen moment around the handoff reminder or during a burst of pages, restarted, and then the fake Slack's posts
/// are counted against the store's deliveries: every key posted exactly once, every delivery Sent.
/// </summary>
/// <remarks>A post without outbox metadata (a build from before it, run through <c>ONCALL_HOST_DIR</c>) counts as ours and is told apart by its text.</remarks>
internal static class KillTrial
{
    public const string TeamChannel = "C0TEAM";
    public const string PagingSecret = "kill-trial-paging-secret-0123456789";
    private static readonly string[] Pipelines = ["unit-profit", "aggregate-profit", "daily-growth", "aggregate-growth", "aggregate-engagement", "executive-investor-aggregate", "experiment-aggregate"];

    /// <summary>How many pages one burst opens.</summary>
    public const int BurstPages = 8;

    public static async Task<TrialResult> RunAsync(KillMoment moment, int seed)
    {
        var random = new Random(seed);
        var directory = Directory.CreateTempSubdirectory("oncall-kill-").FullName;
        try
        {
            await using var slack = await FakeSlackApi.StartAsync();
            slack.UserIdForEmail = email => "U" + email.Split('@')[0].Replace(".", "", StringComparison.Ordinal).ToUpperInvariant();
            var burst = moment == KillMoment.DuringPageBurst;
            var now = DateTimeOffset.UtcNow;
            var zone = MiddayZone(now);
            // Due just after the host starts (fired by its exact trigger) or just before (posted by the start-up pass).
            var lead = burst ? TimeSpan.FromHours(1) : TimeSpan.FromSeconds(random.Next(2) == 0 ? 10 : -5);
            var reminder = Truncate(now + lead);
            var settings = Settings(directory, slack, zone, reminder);
            var prefix = burst ? "page:" : "handoff-reminder:";

            // Set as soon as the process exists: the native host can post due work before its first health check answers.
            var running = new TaskCompletionSource<ChildHost>(TaskCreationOptions.RunContinuationsAsynchronously);
            var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var target = random.Next(1, burst ? 2 * BurstPages + 1 : 3);
            var beforeProcessing = moment == KillMoment.BeforeSend || (burst && random.Next(2) == 0);
            var slowKillAfter = TimeSpan.FromMilliseconds(random.Next(100, 2000));
            DateTimeOffset? firstReminder = null;
            var seen = 0;
            bool Ours(FakeSlackCall call) =>
                call.Method == "chat.postMessage" && (FakeSlackApi.KeyOf(call.Body) is not { } key || key.StartsWith(prefix, StringComparison.Ordinal));
            bool Hit(FakeSlackCall call) => Ours(call) && Interlocked.Increment(ref seen) == target;

            slack.BeforeProcessing = async call =>
            {
                if (!burst && Ours(call))
                {
                    firstReminder ??= DateTimeOffset.UtcNow;
                }

                if (beforeProcessing && Hit(call))
                {
                    (await running.Task).Kill();
                    killed.TrySetResult();
                    return false;
                }

                return true;
            };
            slack.AfterProcessing = async call =>
            {
                if (beforeProcessing || !Hit(call))
                {
                    return;
                }

                if (moment == KillMoment.DuringSlowSend)
                {
                    _ = Task.Run(async () =>
                    {
                        await Task.Delay(slowKillAfter);
                        (await running.Task).Kill();
                        killed.TrySetResult();
                    });
                    await Task.Delay(TimeSpan.FromSeconds(3));
                    return;
                }

                (await running.Task).Kill();
                killed.TrySetResult();
            };

            var first = await ChildHost.StartAsync(settings, started: running.SetResult);
            await using (first)
            {
                if (burst)
                {
                    await BurstAsync(first.Address, seed);
                }

                try
                {
                    await killed.Task.WaitAsync(TimeSpan.FromSeconds(90));
                }
                catch (TimeoutException)
                {
                    throw new TimeoutException($"{moment} (seed {seed}): post {target} never came; fake saw {seen}\n{first.Output}");
                }
            }

            await using (var second = await ChildHost.StartAsync(settings))
            {
                await QuietAsync(slack, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60));
            }

            return Count(moment, Path.Combine(directory, "oncall.db"), slack, lead > TimeSpan.Zero ? firstReminder - reminder : null);
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    /// <summary>The host's settings: daily shifts handing off two hours after the reminder, in a zone where it is about noon.</summary>
    public static Dictionary<string, string> Settings(string directory, FakeSlackApi slack, TimeZoneInfo zone, DateTimeOffset reminder)
    {
        var local = TimeZoneInfo.ConvertTime(reminder, zone);
        return new Dictionary<string, string>
        {
            ["Store:Path"] = Path.Combine(directory, "oncall.db"),
            ["Store:Seed"] = "techflow",
            ["Team:TimeZone"] = zone.Id,
            ["Team:ShiftLengthDays"] = "1",
            ["Team:PlanAheadWeeks"] = "2",
            ["Team:HandoffTime"] = local.AddHours(2).ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            ["Announcements:HandoffReminder"] = local.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            ["Announcements:ReminderLeadHours:0"] = "1",
            ["Slack:BotToken"] = "xoxb-kill-trials",
            ["Slack:ApiBaseUrl"] = slack.BaseUrl + "/api/",
            ["Slack:AnnouncementChannel"] = TeamChannel,
            ["Paging:ApiSecret"] = PagingSecret,
            ["Logging:LogLevel:Default"] = "Warning",
        };
    }

    /// <summary>A fixed-offset zone where <paramref name="now"/> is about noon, so the trial's times never cross midnight.</summary>
    public static TimeZoneInfo MiddayZone(DateTimeOffset now)
    {
        var offset = 12 - now.UtcDateTime.Hour;
        var id = offset == 0 ? "Etc/GMT" : offset > 0 ? $"Etc/GMT-{offset}" : $"Etc/GMT+{-offset}";
        return TimeZoneInfo.FindSystemTimeZoneById(id);
    }

    /// <summary>Opens pages through POST /api/pages, all at once; a refused connection (the host died) is fine.</summary>
    public static async Task<int> BurstAsync(Uri host, int seed, int pages = BurstPages)
    {
        using var http = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PagingSecret);
        var answers = await Task.WhenAll(Enumerable.Range(0, pages).Select(async i =>
        {
            var body = $$"""{"pipeline":"{{Pipelines[i % Pipelines.Length]}}","message":"kill trial {{seed}} page {{i}}","source":"trials"}""";
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri("api/pages", UriKind.Relative), content);
                return response.StatusCode == HttpStatusCode.Accepted ? 1 : 0;
            }
            catch (HttpRequestException)
            {
                return 0;
            }
            catch (TaskCanceledException)
            {
                return 0;
            }
        }));
        return answers.Sum();
    }

    /// <summary>Waits until the fake Slack has had no call for <paramref name="quiet"/> (at most <paramref name="limit"/>).</summary>
    public static async Task QuietAsync(FakeSlackApi slack, TimeSpan quiet, TimeSpan limit)
    {
        var deadline = DateTimeOffset.UtcNow + limit;
        var count = -1;
        var since = DateTimeOffset.UtcNow;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var now = slack.Calls.Count;
            if (now != count)
            {
                count = now;
                since = DateTimeOffset.UtcNow;
            }
            else if (DateTimeOffset.UtcNow - since >= quiet && count > 0)
            {
                return;
            }

            await Task.Delay(100);
        }
    }

    private static TrialResult Count(KillMoment moment, string storePath, FakeSlackApi slack, TimeSpan? lateness)
    {
        using var store = new LiteDbStore(storePath);
        var deliveries = store.Set<OutboxDelivery>().All().Where(d => d.Sink == "slack").ToList();
        // A build without outbox metadata (an older host, see ChildHost) is counted by text instead.
        var posted = slack.AllPosted().GroupBy(b => FakeSlackApi.KeyOf(b) ?? "text:" + b["text"]).ToDictionary(g => g.Key, g => g.Count());
        var duplicates = posted.Where(p => p.Value > 1).Select(p => $"{p.Key} x{p.Value}").Order().ToList();
        var losses = deliveries
            .Where(d => d.Status != DeliveryStatus.Sent || !posted.ContainsKey(d.MessageId))
            .Select(d => $"{d.MessageId} ({d.Status}{(d.LastError is null ? "" : ": " + d.LastError)}, posted {posted.GetValueOrDefault(d.MessageId)}x)")
            .Order().ToList();
        losses.AddRange(posted.Keys.Where(k => deliveries.All(d => d.MessageId != k)).Select(k => $"{k} (posted, not in the store)"));
        return new TrialResult(moment, deliveries.Count, duplicates, losses, lateness);
    }

    private static DateTimeOffset Truncate(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
