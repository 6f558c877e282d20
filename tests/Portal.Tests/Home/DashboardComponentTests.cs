using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneFiles;
using SecondaryPortal.Engine.Zones;
using SecondaryPortal.Portal.Components.Pages.Home;
using SecondaryPortal.Portal.Hosting;
using SecondaryPortal.Portal.Tests.Support;

namespace SecondaryPortal.Portal.Tests.Home;

/// <summary>The interactive dashboard in bUnit, on the real server's services (store, zone table, listeners, analytics).</summary>
public sealed class DashboardComponentTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private readonly TempDataDirectory _data = new();
    private WebApplication _app = default!;

    public async Task InitializeAsync()
    {
        _app = PortalApplication.Build(["--urls=http://127.0.0.1:0", "--Dns:Listen:0=127.0.0.1:0", _data.Override]);
        await _app.StartAsync();
        await _app.Services.GetRequiredService<ZonePublisher>().InitialLoad.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Dashboard_OfAFreshNode_SaysNoZonesAndNoQueries_AndListsTheListeners()
    {
        await using var context = PageContext.For(_app.Services, ComponentRenderer.Admin);

        var page = context.Render<Dashboard>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#no-zones")), Wait);
        Assert.NotNull(page.Find("#no-queries"));
        Assert.Empty(page.FindAll("#dashboard-loading"));
        var udp = _app.Services.GetRequiredService<DnsListeners.DnsServerHostedService>().UdpEndpoints[0];
        Assert.Contains($"UDP {udp}", Normalized(page.Find("#dns-endpoints").TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_OfAnAdmin_ListsTheServedZonesByName_WithSerialAndRecords()
    {
        await ImportAsync("b.example.", 7, owner: "someone");
        await ImportAsync("a.example.", 3, owner: null);
        await using var context = PageContext.For(_app.Services, ComponentRenderer.Admin);

        var page = context.Render<Dashboard>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("#zones tbody tr").Count), Wait);
        Assert.Equal([["a.example.", "3", "5"], ["b.example.", "7", "5"]], page.FindAll("#zones tbody tr").Select(Cells).ToList());
        Assert.Empty(page.FindAll("#more-zones"));
    }

    [Fact]
    public async Task Dashboard_OfACustomer_ListsOnlyTheirZones()
    {
        await ImportAsync("mine.example.", 1, owner: "customer-id");
        await ImportAsync("theirs.example.", 1, owner: "someone-else");
        var customer = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "customer-id"), new Claim(ClaimTypes.Name, "c@example.com")], "test"));
        await using var context = PageContext.For(_app.Services, customer);

        var page = context.Render<Dashboard>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("#zones tbody tr")), Wait);
        Assert.Equal("mine.example.", Cells(page.Find("#zones tbody tr"))[0]);
        Assert.DoesNotContain("theirs.example", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_WithMoreZonesThanItShows_ListsTheFirstAndLinksToTheRest()
    {
        for (int i = 0; i < Dashboard.Shown + 2; i++)
            await ImportAsync($"z{i:D2}.example.", 1, owner: null);
        await using var context = PageContext.For(_app.Services, ComponentRenderer.Admin);

        var page = context.Render<Dashboard>();

        page.WaitForAssertion(() => Assert.Equal(Dashboard.Shown, page.FindAll("#zones tbody tr").Count), Wait);
        Assert.StartsWith("and 2 more", page.Find("#more-zones").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("zones", page.Find("#more-zones a").GetAttribute("href"));
    }

    private async Task ImportAsync(string origin, uint serial, string? owner)
    {
        var name = DnsName.Parse(origin);
        var imported = await _app.Services.GetRequiredService<ZoneStore>().ImportAsync(name, ZoneFileParser.Parse(ZoneTexts.Simple(origin, serial), name),
            new ZoneImportOptions { OwnerId = owner });
        Assert.True(imported.Succeeded, imported.Message);
        var table = _app.Services.GetRequiredService<ZoneTable>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (table.Get(name) is null && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.NotNull(table.Get(name));
    }

    private static string[] Cells(AngleSharp.Dom.IElement row) => row.QuerySelectorAll("th, td").Select(cell => cell.TextContent.Trim()).ToArray();

    private static string Normalized(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
