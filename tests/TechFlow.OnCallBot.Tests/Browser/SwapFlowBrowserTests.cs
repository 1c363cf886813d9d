using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCallBot.Tests.Browser;

/// <summary>
/// The swap flow in headless Chromium against the real app on a 127.0.0.1 port: one engineer asks, the other
/// approves by clicking the button in the channel feed, and <c>/oncall</c> then names the new person.
/// </summary>
public sealed class SwapFlowBrowserTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Playground_SwapRequestedAndApprovedByClicking_OnCallNamesTheNewPerson()
    {
        await using var app = new OnCallApp(Monday);
        await using var browser = await PlaygroundBrowser.OpenAsync(app.StartKestrel());
        var shift = app.Services.GetRequiredService<IOnCallStore>().Set<Shift>().Get("2026-12-04")!;
        var requester = shift.PrimaryId;
        var counterpart = new[] { "sarah-johnson", "mike-rodriguez", "lisa-wang", "alex-chen" }
            .First(e => e != shift.PrimaryId && e != shift.SecondaryId);
        var page = browser.Page;

        await browser.ActAsAsync(requester);
        await SayAsync(page, $"/oncall swap 2026-12-04 with @{counterpart}");
        await page.WaitForSelectorAsync("#log .reply >> text=is sent");
        var approve = page.Locator("#feed button.action[data-action-id='swap.approve']").First;
        await approve.WaitForAsync();

        await browser.ActAsAsync(counterpart);
        await approve.ClickAsync();
        await page.WaitForSelectorAsync("#log .notice >> text=Approved");
        await SayAsync(page, "/oncall at 2026-12-05");

        var name = await page.Locator("#as option[value='" + counterpart + "']").TextContentAsync();
        var answer = page.Locator("#log .reply").Last;
        await answer.Locator($"text=Primary: @{name}").WaitForAsync();
        Assert.Contains($"Primary: @{name}", await answer.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#feed .reply h3:has-text(': approved')").CountAsync() > 0, "the clicked card shows the outcome");
    }

    [Fact]
    public async Task Playground_SwapApproved_EveryCopyOfTheRequestIsUpdatedInPlaceWithNoLiveButtonsLeft()
    {
        await using var app = new OnCallApp(Monday);
        await using var browser = await PlaygroundBrowser.OpenAsync(app.StartKestrel());
        var shift = app.Services.GetRequiredService<IOnCallStore>().Set<Shift>().Get("2026-12-04")!;
        var counterpart = new[] { "sarah-johnson", "mike-rodriguez", "lisa-wang", "alex-chen" }
            .First(e => e != shift.PrimaryId && e != shift.SecondaryId);
        var page = browser.Page;
        await browser.ActAsAsync(shift.PrimaryId);
        await SayAsync(page, $"/oncall swap 2026-12-04 with @{counterpart}");
        var approve = page.Locator("#feed button.action[data-action-id='swap.approve']");
        await approve.First.WaitForAsync();
        const string Holding = "() => [...document.querySelectorAll('#feed .feed-item')].flatMap((item, i) => item.querySelector(\"button.action[data-action-id='swap.approve']\") ? [i] : [])";
        var requestCopies = await page.EvaluateAsync<int[]>(Holding);

        await browser.ActAsAsync(counterpart);
        await approve.First.ClickAsync();
        await page.WaitForSelectorAsync("#log .notice >> text=Approved");
        await page.WaitForFunctionAsync("() => document.querySelectorAll(\"#feed button.action[data-action-id='swap.approve']\").length === 0");

        var items = page.Locator("#feed .feed-item");
        Assert.NotEmpty(requestCopies);
        foreach (var index in requestCopies)
        {
            Assert.Contains(": approved", await items.Nth(index).Locator("h3").First.InnerTextAsync(), StringComparison.Ordinal);
        }
    }

    private static async Task SayAsync(IPage page, string text)
    {
        var replies = await page.Locator("#log .reply").CountAsync();
        await page.FillAsync("#text", text);
        await page.ClickAsync("#send");
        await page.Locator("#log .reply").Nth(replies).WaitForAsync();
    }
}
