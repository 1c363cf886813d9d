using Microsoft.Playwright;

namespace TechFlow.OnCall.Testing;

/// <summary>
/// Debian's headless Chromium (/usr/bin/chromium), driven by Playwright, on the playground page of a running app.
/// Never downloads a browser; a fresh profile folder per instance. Test projects that use it add
/// <c>&lt;PackageReference Include="Microsoft.Playwright" /&gt;</c> so the Playwright driver is copied to their output.
/// </summary>
public sealed class PlaygroundBrowser : IAsyncDisposable
{
    /// <summary>The flags that work on this machine (no sandbox as root, no GPU, no network chatter).</summary>
    public static readonly IReadOnlyList<string> ChromiumFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowserContext _context;
    private readonly string _profile;

    private PlaygroundBrowser(IPlaywright playwright, IBrowserContext context, IPage page, string profile, Uri address)
    {
        _playwright = playwright;
        _context = context;
        _profile = profile;
        Page = page;
        Address = address;
    }

    /// <summary>The page, for anything the helpers below do not cover.</summary>
    public IPage Page { get; }

    public Uri Address { get; }

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Launches Chromium and opens the playground at <paramref name="address"/>, waiting until the page is ready.</summary>
    public static async Task<PlaygroundBrowser> OpenAsync(Uri address)
    {
        var profile = Path.Combine(Path.GetTempPath(), "oncall-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var playwright = await Playwright.CreateAsync();
        try
        {
            var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ChromiumFlags,
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            });
            context.SetDefaultTimeout(60_000);
            var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
            var browser = new PlaygroundBrowser(playwright, context, page, profile, address);
            await browser.ReloadAsync();
            return browser;
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Loads the page again and waits until it has fetched the people list.</summary>
    public async Task ReloadAsync()
    {
        await Page.GotoAsync(Address.ToString());
        await Page.WaitForSelectorAsync("body[data-ready='true']");
    }

    /// <summary>Picks who you are in the "You are" list (an engineer id, or "" for a guest).</summary>
    public async Task ActAsAsync(string engineerId) => await Page.SelectOptionAsync("#as", engineerId);

    /// <summary>Types <paramref name="text"/>, sends it, and returns the visible text of the bot's answer.</summary>
    public async Task<string> AskAsync(string text)
    {
        var before = await CountAsync("#log > *");
        await Page.FillAsync("#text", text);
        await Page.ClickAsync("#send");
        await Page.WaitForFunctionAsync("n => document.querySelectorAll('#log > *').length >= n", before + 2);
        return await Page.Locator("#log > *").Last.InnerTextAsync();
    }

    /// <summary>Clicks the last button labelled <paramref name="label"/> and returns the log's last entry afterwards.</summary>
    public async Task<string> ClickButtonAsync(string label)
    {
        var before = await Page.InnerTextAsync("#log");
        await Page.Locator("button.action", new PageLocatorOptions { HasTextString = label }).Last.ClickAsync();
        await Page.WaitForFunctionAsync("t => document.getElementById('log').innerText !== t", before);
        return await Page.Locator("#log > *").Last.InnerTextAsync();
    }

    /// <summary>The visible text of the team-channel feed.</summary>
    public async Task<string> FeedTextAsync() => await Page.InnerTextAsync("#feed");

    public async Task ScreenshotAsync(string path) => await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });

    private async Task<int> CountAsync(string selector) => await Page.Locator(selector).CountAsync();

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be releasing files; a temp folder left behind is harmless.
        }
    }
}
