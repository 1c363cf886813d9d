using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCallBot.Tests.Playground;

/// <summary>The playground page in headless Debian Chromium, against the real app on Kestrel at 127.0.0.1.</summary>
public class PlaygroundPageTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Page_AskAboutAggregateProfit_ShowsTheCurrentPrimary()
    {
        await using var app = new OnCallApp(Monday);
        var address = app.StartKestrel();
        var shift = app.Services.GetRequiredService<ScheduleService>().ShiftAt(Monday)!;
        var roster = app.Services.GetRequiredService<RosterService>();
        await using var browser = await PlaygroundBrowser.OpenAsync(address);

        await browser.ActAsAsync("sarah-johnson");
        var answer = await browser.AskAsync("who is on call for Aggregate Profit");

        Assert.Equal("127.0.0.1", address.Host);
        Assert.Contains("Aggregate Profit: on call now", answer);
        Assert.Contains($"Primary: @{roster.Find(shift.PrimaryId)!.Name} until", answer);
        Assert.Contains($"Secondary: @{roster.Find(shift.SecondaryId)!.Name} until", answer);
        Assert.Contains("Sarah Johnson: who is on call for Aggregate Profit", await browser.Page.InnerTextAsync("#log"));
        if (Environment.GetEnvironmentVariable("PLAYGROUND_SCREENSHOT") is { Length: > 0 } path)
        {
            await browser.ScreenshotAsync(path);
        }
    }

    [Fact]
    public async Task Page_OpenedWithItsToken_AnswersAndDropsTheTokenFromTheAddressBar()
    {
        const string Token = "playground-token-0123456789";
        await using var app = new OnCallApp(Monday, new Dictionary<string, string?> { ["Playground:Token"] = Token });
        var address = app.StartKestrel();
        await using var browser = await PlaygroundBrowser.OpenAsync(new Uri(address, $"/?token={Token}"));

        await browser.ActAsAsync("sarah-johnson");
        var answer = await browser.AskAsync("who is on call for Aggregate Profit");

        Assert.Contains("Aggregate Profit: on call now", answer);
        Assert.DoesNotContain(Token, browser.Page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_MisspelledPipeline_ShowsTheSuggestion()
    {
        await using var app = new OnCallApp(Monday);
        await using var browser = await PlaygroundBrowser.OpenAsync(app.StartKestrel());

        var answer = await browser.AskAsync("/oncall agg proft");

        Assert.Contains("Did you mean Aggregate Profit?", answer);
    }
}
