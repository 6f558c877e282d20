using Microsoft.Playwright;

namespace SecondaryPortal.E2E.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (headless, no sandbox, no background networking: the machine's network is
/// closed), one page, and screenshots at desktop and phone widths kept under TestResults/e2e/&lt;test&gt;/.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private const int DesktopWidth = 1280;
    private const int PhoneWidth = 390;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly string _folder;
    private int _shots;

    private BrowserSession(IPlaywright playwright, IBrowser browser, IPage page, string folder)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        _folder = folder;
    }

    public IPage Page { get; }

    public static async Task<BrowserSession> StartAsync(Uri baseAddress, string testName)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), ViewportSize = new ViewportSize { Width = DesktopWidth, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        string folder = Path.Combine(RepositoryPaths.Screenshots, testName);
        Directory.CreateDirectory(folder);
        return new BrowserSession(playwright, browser, page, folder);
    }

    /// <summary>Saves the whole page at desktop and at phone width as NN-name-desktop.png and NN-name-phone.png.</summary>
    public async Task ScreenshotAsync(string name)
    {
        string prefix = Path.Combine(_folder, $"{++_shots:D2}-{name}");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = prefix + "-desktop.png", FullPage = true });
        await Page.SetViewportSizeAsync(PhoneWidth, 800);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = prefix + "-phone.png", FullPage = true });
        await Page.SetViewportSizeAsync(DesktopWidth, 900);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
