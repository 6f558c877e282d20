using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using SecondaryPortal.Bench.PortalPages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.E2E.Tests.Support;
using SecondaryPortal.Engine.Tests.Support;
using SecondaryPortal.Engine.Tests.Support.Peers;

// Server memory per open portal page, and Finish to "Active" in the secondary wizard (bench/README.md, "Portal pages").
//
//     bash bench/publish.sh && dotnet run -c Release --project bench/PortalPages
//
// Options (environment): PORTAL_DLL (the portal build), SETTLE_SECONDS (8), UPDATES (300), UPDATES_PER_SECOND (4).
int settleSeconds = Env("SETTLE_SECONDS", 8);
int updates = Env("UPDATES", 300);
int updatesPerSecond = Env("UPDATES_PER_SECOND", 4);
int[] steps = [1, 5, 10, 20];
string root = FindRoot();
string portalDll = Environment.GetEnvironmentVariable("PORTAL_DLL") ?? Path.Combine(root, "artifacts", "portal", "SecondaryPortal.Portal.dll");
if (!File.Exists(portalDll))
{
    Console.Error.WriteLine($"{portalDll} is missing: run bash bench/publish.sh first");
    return 2;
}
Log($"portal {portalDll}; load: {File.ReadAllText("/proc/loadavg").Trim()}");

string data = Path.Combine(Path.GetTempPath(), "sp-pagebench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(data);
var bindServers = new List<BindPrimary>();
PortalProcess? portal = null;
IPlaywright? playwright = null;
IBrowser? browser = null;
try
{
    // 20 authoritative zones, imported with the CLI into the data folder before the server starts.
    for (int i = 1; i <= 20; i++)
    {
        string origin = $"zone{i:D2}.bench.";
        string file = Path.Combine(data, $"zone{i:D2}.db");
        await File.WriteAllTextAsync(file, AuthoritativeZone(origin));
        await PortalCli.RunAsync(portalDll, data, "zone", "import", origin, file);
    }
    Log("imported 20 authoritative zones with zone import");

    int dnsPort = FreePort.Next();
    portal = await PortalProcess.StartAsync(portalDll, data, dnsPort);
    string portalAddress = portal.Address.GetLeftPart(UriPartial.Authority);
    Log($"portal pid {portal.Pid} at {portalAddress}; PSS {Pss(portal.Pid):F1} MiB");

    playwright = await Playwright.CreateAsync();
    browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });

    // The admin (sees every zone; loopback primaries allowed); its cookie is given to every other browser context.
    var adminContext = await NewContextAsync(browser, portalAddress, null);
    var admin = await adminContext.NewPageAsync();
    admin.SetDefaultTimeout(60_000);
    await admin.GotoAsync("/setup");
    await admin.FillAsync("#email", "admin@example.com");
    await admin.FillAsync("#password", "Bench-pass-1");
    await admin.FillAsync("#confirm", "Bench-pass-1");
    await admin.ClickAsync("button[type=submit]");
    await Assertions.Expect(admin.Locator("#account-nav")).ToContainTextAsync("(admin)");
    string signedIn = await adminContext.StorageStateAsync();
    await admin.GotoAsync("/zones");
    await admin.Locator("a.zone-link").First.WaitForAsync();
    string zonePath = new Uri(portal.Address, await admin.Locator("a.zone-link").First.GetAttributeAsync("href") ?? throw new InvalidOperationException("no zone link")).AbsolutePath;
    await admin.GotoAsync("about:blank");
    Log($"signed in as the admin; zone page {zonePath}");

    // 1. PSS with 0, 1, 5, 10, 20 interactive pages: the dashboard, then (all closed again) the zone page.
    var slopes = new List<string>();
    foreach (var (name, path) in new[] { ("dashboard", "/"), ("zone page", zonePath) })
    {
        var open = new List<(IBrowserContext Context, IPage Page, WebSocketWatch Watch)>();
        await Task.Delay(TimeSpan.FromSeconds(settleSeconds));
        double baseline = Pss(portal.Pid);
        var points = new List<(int Pages, double Pss)> { (0, baseline) };
        Log($"{name}: 0 pages, PSS {baseline:F1} MiB");
        foreach (int target in steps)
        {
            while (open.Count < target)
                open.Add(await OpenInteractiveAsync(browser, portalAddress, signedIn, path, path != "/"));
            await Task.Delay(TimeSpan.FromSeconds(settleSeconds));
            double pss = Pss(portal.Pid);
            int live = open.Count(o => o.Watch.Open);
            points.Add((target, pss));
            Log($"{name}: {target} pages ({live} circuits open), PSS {pss:F1} MiB, {(pss - baseline) / target:F2} MiB per page over none");
        }
        double slope = Slope(points.Where(p => p.Pages > 0).ToList());
        Log($"{name}: slope over 1..20 pages {slope:F2} MiB per open page");
        slopes.Add($"{name} {slope:F2}");
        foreach (var (context, _, _) in open)
            await context.CloseAsync();
        await Task.Delay(TimeSpan.FromSeconds(settleSeconds));
        Log($"{name}: all closed, PSS {Pss(portal.Pid):F1} MiB");
    }

    // 2. The secondary wizard against a real BIND 9 primary, 5 times: Finish clicked until the zone page shows "Active".
    var finishTimes = new List<double>();
    string lastZonePath = "";
    BindPrimary? lastBind = null;
    string lastZone = "";
    for (int run = 1; run <= 5; run++)
    {
        string zone = $"wizard{run}.bench.";
        var key = new InteropKey($"wizard{run}-transfer.", "hmac-sha256", Convert.ToBase64String(Enumerable.Range(run, 32).Select(i => (byte)(i * 7)).ToArray()));
        var bind = await BindPrimary.StartAsync(zone, SecondaryZone(zone, 2026120801), dnsPort, key);
        bindServers.Add(bind);
        var page = admin;
        await page.GotoAsync("/sites/new");
        await page.FillAsync("#domain", zone.TrimEnd('.'));
        await page.ClickAsync("button.btn-primary:has-text('Next')");
        await page.FillAsync("#primary-0-address", "127.0.0.1");
        await page.FillAsync("#primary-0-port", bind.Port.ToString(CultureInfo.InvariantCulture));
        await page.CheckAsync("#key-new");
        await page.FillAsync("#new-key-name", key.Name);
        await page.SelectOptionAsync("#new-key-algorithm", key.Algorithm);
        await page.FillAsync("#new-key-secret", key.SecretBase64);
        await page.ClickAsync("#to-check");
        await Assertions.Expect(page.Locator("#start-transfer")).ToBeEnabledAsync();
        await page.ClickAsync("#start-transfer");
        await page.Locator("#to-review").WaitForAsync();
        await page.ClickAsync("#to-review");
        await page.Locator("#finish-site button[type=submit]").WaitForAsync();
        var clock = Stopwatch.StartNew();
        await page.ClickAsync("#finish-site button[type=submit]");
        await page.Locator("#zone-status [data-status=Active]").WaitForAsync();
        clock.Stop();
        finishTimes.Add(clock.Elapsed.TotalMilliseconds);
        Log($"wizard run {run}: Finish to Active {clock.Elapsed.TotalMilliseconds:F0} ms ({page.Url})");
        lastZonePath = new Uri(page.Url).AbsolutePath;
        lastBind = bind;
        lastZone = zone;
        if (run < 5)
        {
            await bind.DisposeAsync();
            bindServers.Remove(bind);
        }
    }
    await admin.GotoAsync("about:blank");
    var sorted = finishTimes.Order().ToList();
    Log($"Finish to Active: {string.Join(", ", finishTimes.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))} ms; median {sorted[sorted.Count / 2]:F0} ms");

    // 3. Five zone pages open on the last wizard zone while BIND takes dynamic UPDATEs (each one NOTIFY, IXFR, a push).
    var watchers = new List<(IBrowserContext Context, IPage Page, WebSocketWatch Watch)>();
    for (int i = 0; i < 5; i++)
        watchers.Add(await OpenInteractiveAsync(browser, portalAddress, signedIn, lastZonePath, true));
    await Task.Delay(TimeSpan.FromSeconds(settleSeconds));
    Log($"changes: 5 zone pages open on {lastZone}, PSS at the start {Pss(portal.Pid):F1} MiB");
    var origin2 = DnsName.Parse(lastZone);
    var pace = Stopwatch.StartNew();
    int paceFrom = 0;
    for (int n = 1; n <= updates; n++)
    {
        var address = IPAddress.Parse($"198.51.{100 + n / 250}.{n % 250 + 1}");
        await DnsUpdate.AddAsync(lastBind!.EndPoint, origin2, [new DnsRecord(DnsName.Parse($"change{n}", origin2), 300, new AData(address))]);
        var due = TimeSpan.FromSeconds((double)(n - paceFrom) / updatesPerSecond);
        if (due > pace.Elapsed)
            await Task.Delay(due - pace.Elapsed);
        if (n % 100 == 0)
        {
            string serial = (2026120801u + (uint)n).ToString(CultureInfo.InvariantCulture);
            // Every open page shows the serial of this change (pushed, not reloaded); then the settle and the reading.
            foreach (var (_, page, _) in watchers)
                await Assertions.Expect(page.Locator("#zone-status [data-testid=serial]")).ToHaveTextAsync(serial, new() { Timeout = 15_000 });
            double before = Pss(portal.Pid);
            await Task.Delay(TimeSpan.FromSeconds(settleSeconds));
            Log($"changes: after {n} ({pace.Elapsed.TotalSeconds:F0} s for these 100), all 5 pages show serial {serial}; PSS {before:F1} MiB at once, {Pss(portal.Pid):F1} MiB after {settleSeconds} s; circuits open {watchers.Count(w => w.Watch.Open)}");
            pace = Stopwatch.StartNew(); // the pace restarts after the settle: the next 100 go at the same rate
            paceFrom = n;
        }
    }
    foreach (var (context, _, _) in watchers)
        await context.CloseAsync();
    await Task.Delay(TimeSpan.FromSeconds(settleSeconds));
    Log($"changes: pages closed, PSS {Pss(portal.Pid):F1} MiB; load: {File.ReadAllText("/proc/loadavg").Trim()}");
    Log($"summary: slopes (MiB per open page) {string.Join("; ", slopes)}");
    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine(e);
    if (portal is not null)
        Console.Error.WriteLine("portal output (last lines):\n" + string.Join('\n', portal.Output.Split('\n').TakeLast(40)));
    return 1;
}
finally
{
    if (browser is not null)
        await browser.DisposeAsync();
    playwright?.Dispose();
    foreach (var bind in bindServers)
        await bind.DisposeAsync();
    if (portal is not null)
        await portal.DisposeAsync();
    try
    {
        Directory.Delete(data, recursive: true);
    }
    catch (IOException)
    {
    }
}

static async Task<IBrowserContext> NewContextAsync(IBrowser browser, string address, string? storageState) =>
    await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address, ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, StorageState = storageState });

// One browser context with its own page, interactive: the Blazor circuit's WebSocket is open and has carried the first
// render batches; the zone page also says it listens to the engine (data-live=true).
static async Task<(IBrowserContext, IPage, WebSocketWatch)> OpenInteractiveAsync(IBrowser browser, string address, string signedIn, string path, bool zonePage)
{
    var context = await NewContextAsync(browser, address, signedIn);
    var page = await context.NewPageAsync();
    page.SetDefaultTimeout(60_000);
    var watch = new WebSocketWatch(page);
    await page.GotoAsync(path);
    if (zonePage)
        await page.Locator("[data-live=true] #zone-status").WaitForAsync();
    else
        await page.Locator("#zones").WaitForAsync();
    await watch.WaitForCircuitAsync();
    return (context, page, watch);
}

static double Pss(int pid)
{
    foreach (string line in File.ReadLines($"/proc/{pid}/smaps_rollup"))
    {
        if (line.StartsWith("Pss:", StringComparison.Ordinal))
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
    throw new InvalidOperationException("no Pss line");
}

// Least squares slope of PSS over the number of pages.
static double Slope(List<(int Pages, double Pss)> points)
{
    double mx = points.Average(p => p.Pages), my = points.Average(p => p.Pss);
    return points.Sum(p => (p.Pages - mx) * (p.Pss - my)) / points.Sum(p => (p.Pages - mx) * (p.Pages - mx));
}

static string AuthoritativeZone(string origin)
{
    var text = new System.Text.StringBuilder($"""
        $ORIGIN {origin}
        $TTL 300
        @       IN SOA ns1 hostmaster 2026120801 7200 900 1209600 300
                IN NS  ns1
        ns1     IN A   192.0.2.53
        @       IN MX  10 mail
        mail    IN A   192.0.2.25

        """);
    for (int i = 1; i <= 50; i++)
        text.Append(CultureInfo.InvariantCulture, $"host{i} IN A 192.0.2.{i + 100}\n");
    return text.ToString();
}

static string SecondaryZone(string origin, uint serial) => $"""
    $ORIGIN {origin}
    $TTL 300
    @       IN SOA ns1 hostmaster {serial} 7200 900 1209600 300
            IN NS  ns1
    ns1     IN A   192.0.2.53
    www     IN A   192.0.2.80
    mail    IN A   192.0.2.25
    @       IN MX  10 mail
    """;

static int Env(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out int value) ? value : fallback;

static void Log(string line) => Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {line}");

static string FindRoot()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "SecondaryPortal.sln")))
            return folder.FullName;
    }
    throw new InvalidOperationException("the repository root (SecondaryPortal.sln) is not above " + AppContext.BaseDirectory);
}
