using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCallBot.Tests.Browser;

/// <summary>
/// The swap flow in headless Chromium against the real app on a 127.0.0.1 port: one engineer asks, the other
/// approves by clicking the button in the channel feed, and <c>/oncall</c> then names the new person.
/// </summary>
public sealed class SwapFlowBrowserTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly string _storePath = Path.Combine(Path.GetTempPath(), $"swap-browser-{Guid.NewGuid():N}.db");
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Store:Path", _storePath);
            builder.UseSetting("Jobs:Enabled", "false");
            builder.UseSetting("Store:Seed", "techflow");
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(new FakeTimeProvider(Monday));
            });
        });
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileNameWithoutExtension(_storePath) + "*"))
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Playground_SwapRequestedAndApprovedByClicking_OnCallNamesTheNewPerson()
    {
        var shift = _factory!.Services.GetRequiredService<IOnCallStore>().Set<Shift>().Get("2026-12-04")!;
        var requester = shift.PrimaryId;
        var counterpart = new[] { "sarah-johnson", "mike-rodriguez", "lisa-wang", "alex-chen" }
            .First(e => e != shift.PrimaryId && e != shift.SecondaryId);
        var page = await _browser!.NewPageAsync();
        await page.GotoAsync(BaseAddress());
        await page.WaitForSelectorAsync("body[data-ready=true]");

        await page.SelectOptionAsync("#as", requester);
        await SayAsync(page, $"/oncall swap 2026-12-04 with @{counterpart}");
        await page.WaitForSelectorAsync("#log .reply >> text=is sent");
        var approve = page.Locator("#feed button.action[data-action-id='swap.approve']").First;
        await approve.WaitForAsync();

        await page.SelectOptionAsync("#as", counterpart);
        await approve.ClickAsync();
        await page.WaitForSelectorAsync("#log .notice >> text=Approved");
        await SayAsync(page, "/oncall at 2026-12-05");

        var name = await page.Locator("#as option[value='" + counterpart + "']").TextContentAsync();
        var answer = page.Locator("#log .reply").Last;
        await answer.Locator($"text=Primary: @{name}").WaitForAsync();
        Assert.Contains($"Primary: @{name}", await answer.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#feed .reply h3:has-text(': approved')").CountAsync() > 0, "the clicked card shows the outcome");
    }

    private static async Task SayAsync(IPage page, string text)
    {
        var replies = await page.Locator("#log .reply").CountAsync();
        await page.FillAsync("#text", text);
        await page.ClickAsync("#send");
        await page.Locator("#log .reply").Nth(replies).WaitForAsync();
    }

    private string BaseAddress() =>
        _factory!.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
