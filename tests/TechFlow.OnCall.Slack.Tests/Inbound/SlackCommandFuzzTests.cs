using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Slack.Tests.Support;
using Xunit.Abstractions;

namespace TechFlow.OnCall.Slack.Tests.Inbound;

/// <summary>
/// Random and mutated <c>/oncall</c> texts (a fixed seed, so every run sends the same ones) through the signed
/// endpoint and the real handlers, from a guest: every one is answered 200 with a reply, none changes the store.
/// The slowest answer is written to the test output (docs/reliability.md quotes it).
/// </summary>
public sealed class SlackCommandFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261202;
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    private static readonly string[] Valid =
    [
        "", "help", "aggregate profit", "agg profit tomorrow", "at 2026-12-25T18:00", "owners daily growth", "schedule 3 weeks",
        "escalation agg growth", "who is on call for aggregate profit?", "holidays 2027", "fairness 2026", "runbook aggregate profit costs",
        "runbooks", "swaps", "history", "pages", "stats 2026-11", "exec dashboard friday 5pm", "unit-level profit in 3 days", "who owns daily growth",
        "what's the escalation for agg growth", "profit", "daily grwoth", "next monday", "2026-12-25", "public", "engagement next week public",
    ];

    private static readonly string[] Pieces =
    [
        "<@U0ALEX>", "<!channel>", "&amp;", "<", ">", "&", "%", "\"", "'", "`", "\\", "/", "?", "!", "*_~", "\u200b", "\u202e", "\t", "\n",
        "😀", "ß", "İ", "ﬁ", "Ω", "中文", "\u0000", "9999-12-31T23:59", "0001-01-01", "-1", "2147483648", "in 999 weeks", "at", "for", "the",
        "profit", "aggregate", "growth", "pipeline", "runbook", "owners", "schedule", "NaN", "null", "{}", "[]", "%00", "../..", "a".PadRight(300, 'a'),
    ];

    /// <summary>Commands that may write (pages, swaps, time off, calendar tokens, acknowledgements); not fuzzed here.</summary>
    private static readonly HashSet<string> Writers = new(StringComparer.OrdinalIgnoreCase)
    {
        "page", "swap", "cover", "timeoff", "time-off", "pto", "vacation", "calendar", "ical", "ack", "acknowledge", "resolve",
    };

    [Fact]
    public async Task Commands_ThreeThousandFuzzedTexts_NoServerErrorNoStoreChange()
    {
        using var host = new SlackHost(null, new FakeTimeProvider(Now));
        using var client = host.CreateClient();
        var store = host.Services.GetRequiredService<IOnCallStore>();
        var commits = 0;
        store.Committed += _ => Interlocked.Increment(ref commits);
        var random = new Random(Seed);
        var slowest = (Time: TimeSpan.Zero, Text: "");
        var sent = 0;
        var times = new List<double>();

        while (sent < 3000)
        {
            var text = Mutate(random);
            if (IsWriter(text))
            {
                continue;
            }

            var clock = Stopwatch.StartNew();
            using var response = await client.SendAsync(SlackSigner.Request("/slack/commands",
                SlackSigner.CommandBody(text, "U0GUEST", "https://hooks.slack.com/commands/T1/1/fuzz"), "application/x-www-form-urlencoded", Now));
            var body = await response.Content.ReadAsStringAsync();
            clock.Stop();
            sent++;
            times.Add(clock.Elapsed.TotalMilliseconds);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} for {Escape(text)}");
            Assert.True(body.Contains("\"text\"", StringComparison.Ordinal), $"no reply for {Escape(text)}");
            if (clock.Elapsed > slowest.Time)
            {
                slowest = (clock.Elapsed, text);
            }
        }

        times.Sort();
        output.WriteLine($"{sent} fuzzed commands (seed {Seed}); median {times[times.Count / 2]:0.0} ms, 99th percentile {times[times.Count * 99 / 100]:0.0} ms, " +
            $"slowest {slowest.Time.TotalMilliseconds:0} ms for {Escape(slowest.Text)}");
        Assert.Equal(0, Volatile.Read(ref commits));
    }

    private static string Mutate(Random random)
    {
        var text = new StringBuilder(Valid[random.Next(Valid.Length)]);
        var steps = random.Next(1, 6);
        for (var i = 0; i < steps; i++)
        {
            switch (random.Next(7))
            {
                case 0:
                    text.Insert(random.Next(text.Length + 1), Pieces[random.Next(Pieces.Length)]);
                    break;
                case 1 when text.Length > 0:
                    var at = random.Next(text.Length);
                    text.Remove(at, Math.Min(text.Length - at, random.Next(1, 8)));
                    break;
                case 2:
                    text.Append(' ').Append(Valid[random.Next(Valid.Length)]);
                    break;
                case 3:
                    for (var n = random.Next(1, 40); n > 0; n--)
                    {
                        text.Insert(random.Next(text.Length + 1), (char)random.Next(0x20, 0x2FFF));
                    }

                    break;
                case 4:
                    text.Append(' ', random.Next(1, 3)).Append(string.Concat(Enumerable.Repeat(Pieces[random.Next(Pieces.Length)] + " ", random.Next(1, 700))));
                    break;
                case 5 when text.Length > 1:
                    text.Length = random.Next(text.Length);
                    break;
                default:
                    text.Insert(0, Pieces[random.Next(Pieces.Length)] + " ");
                    break;
            }
        }

        return text.ToString();
    }

    private static bool IsWriter(string text)
    {
        var words = text.Split([' ', '\t', '\n', '\u200b'], StringSplitOptions.RemoveEmptyEntries);
        return words.Any(w => Writers.Contains(w.Trim('?', '!', '.', ',', '*', '_', '~', '"', '\'', '`')));
    }

    private static string Escape(string text) =>
        text.Length > 120 ? $"\"{text[..120].ReplaceLineEndings(" ")}…\" ({text.Length} chars)" : $"\"{text.ReplaceLineEndings(" ")}\"";
}
