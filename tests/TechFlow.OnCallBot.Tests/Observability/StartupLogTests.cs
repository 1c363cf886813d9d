using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TechFlow.OnCallBot.Tests.Support;

namespace TechFlow.OnCallBot.Tests.Observability;

/// <summary>The real process as an operator starts it: JSON logs, one line per component, Quartz quiet, no secret in any line.</summary>
[Trait("Category", "ShippedHost")]
public sealed class StartupLogTests : IDisposable
{
    private const string SigningSecret = "slack-signing-secret-9f8e7d";
    private const string BotToken = "xoxb-bot-token-6c5b4a";
    private const string PagingSecret = "paging-api-secret-3b2a1c0d";
    private const string PlaygroundToken = "playground-token-7e6d5c4b3a";
    private const string TeamsPassword = "teams-app-password-1a2b3c";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "oncall-logs-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Host_JsonLogsAndSecretsConfigured_OneLinePerComponentAndNoSecretLogged()
    {
        using var bot = BotProcess.Start(
            $"--Store:Path={Path.Combine(_directory, "oncall.db")}",
            "--urls=http://127.0.0.1:0",
            "--Logging:Console:FormatterName=json",
            "--Logging:LogLevel:Default=Debug",
            "--Logging:LogLevel:Microsoft.AspNetCore=Debug",
            $"--Slack:SigningSecret={SigningSecret}",
            $"--Slack:BotToken={BotToken}",
            "--Slack:ApiBaseUrl=http://127.0.0.1:9/api/",
            $"--Paging:ApiSecret={PagingSecret}",
            $"--Playground:Token={PlaygroundToken}",
            "--Teams:AppId=00000000-0000-0000-0000-000000000001",
            $"--Teams:AppPassword={TeamsPassword}",
            "--Teams:AuthorityHost=http://127.0.0.1:9");
        Assert.True(await bot.WaitForOutputAsync("Operations: metrics at /metrics", TimeSpan.FromSeconds(60)), bot.Output + bot.Errors);
        var lines = bot.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var entries = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var address = entries.Select(e => e.GetProperty("Message").GetString()!)
            .Single(m => m.StartsWith("Now listening on: ", StringComparison.Ordinal))["Now listening on: ".Length..];

        using var http = new HttpClient { BaseAddress = new Uri(address) };
        using var ask = new HttpRequestMessage(HttpMethod.Post, new Uri("/playground/ask", UriKind.Relative)) { Content = JsonContent.Create(new { text = "/oncall" }) };
        ask.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PlaygroundToken);
        using var page = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/pages", UriKind.Relative)) { Content = JsonContent.Create(new { pipeline = "aggregate profit", message = "late" }) };
        page.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PagingSecret);
        Assert.True((await http.SendAsync(ask)).IsSuccessStatusCode);
        Assert.True((await http.SendAsync(page)).IsSuccessStatusCode);
        await http.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        var messages = entries.Select(e => e.GetProperty("Message").GetString()!).ToList();

        Assert.Contains(messages, m => m.StartsWith("Store: ", StringComparison.Ordinal) && m.Contains("schema 1", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Slack: requests on /slack/* verified", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Teams: ", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Playground: on at / for requests with Playground:Token", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Job due-work: next run ", StringComparison.Ordinal) && m.Contains("(America/New_York)", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Job announcements: next run ", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.GetProperty("Category").GetString()!.StartsWith("Quartz", StringComparison.Ordinal)
            && e.GetProperty("LogLevel").GetString() is "Information" or "Debug" or "Trace");
        await Task.Delay(500);
        var everything = bot.Output + bot.Errors;
        foreach (var secret in new[] { SigningSecret, BotToken, PagingSecret, PlaygroundToken, TeamsPassword })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
