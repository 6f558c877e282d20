using Microsoft.Extensions.DependencyInjection;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Zones;
using System.Net;

namespace SecondaryPortal.Portal.Tests.Zones;

/// <summary>The zone list page through the real server.</summary>
public sealed class ZoneListPageTests
{
    [Fact]
    public async Task List_PagesWithLinksThatKeepTheFilters_AndShowsABadgePerZone()
    {
        await using var portal = await Support.RunningPortal.StartAsync();
        string alice = await PortalSession.CreateAccountAsync(portal, "alice@example.com", admin: true);
        for (int i = 0; i < 55; i++)
            await PortalSession.ImportAsync(portal, $"z{i:D2}.example.", alice);
        var catalog = portal.Services.GetRequiredService<SecondaryZoneCatalog>();
        await catalog.AddAsync(DnsName.Parse("sec.example."), [new IPEndPoint(IPAddress.Loopback, 9)], new SecondaryZoneAddOptions { OwnerId = alice });
        using var browser = await PortalSession.SignInAsync(portal, "alice@example.com");

        var first = await browser.PageAsync("/zones?kind=authoritative");
        var second = await browser.PageAsync(first.QuerySelector("a[rel=next]")!.GetAttribute("href")!.Insert(0, "/"));
        var secondary = await browser.PageAsync("/zones?kind=secondary");

        Assert.Equal("55 of 56 zones", first.QuerySelector("#zone-count")!.TextContent);
        Assert.Equal(50, first.QuerySelectorAll("#zones tbody tr").Length);
        Assert.Equal("zones?kind=authoritative&page=2", first.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(5, second.QuerySelectorAll("#zones tbody tr").Length);
        Assert.All(second.QuerySelectorAll("#zones tbody tr"), row => Assert.Equal("Active", row.QuerySelector("[data-status]")!.TextContent));
        var row = Assert.Single(secondary.QuerySelectorAll("#zones tbody tr"));
        Assert.Equal("sec.example.", row.GetAttribute("data-zone"));
        Assert.NotEqual("Active", row.QuerySelector("[data-status]")!.TextContent);
    }
}
