using System.Net;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Zones;
using SecondaryPortal.Portal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace SecondaryPortal.Portal.Tests.Zones;

/// <summary>The zone page through the real server as it is prerendered (its interactive states are tested in bUnit).</summary>
public sealed class ZonePagesFlowTests
{
    [Fact]
    public async Task AnotherAccountsZone_Is404_OnEveryZoneAddress_AndMissingFromTheList()
    {
        await using var portal = await RunningPortal.StartAsync();
        string alice = await PortalSession.CreateAccountAsync(portal, "alice@example.com", admin: true);
        await PortalSession.CreateAccountAsync(portal, "bob@example.com");
        long id = await PortalSession.ImportAsync(portal, "alice.example.", alice);
        using var bob = await PortalSession.SignInAsync(portal, "bob@example.com");

        foreach (string path in new[] { $"/zones/{id}", $"/zones/{id}?tab=records", $"/zones/{id}/delete", $"/zones/{id}/export", $"/zones/{id}/status" })
        {
            using var response = await bob.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        }
        var list = await bob.PageAsync("/zones");
        Assert.NotNull(list.QuerySelector("#no-zones a[href='sites/new']"));
        Assert.DoesNotContain("alice.example.", list.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ZonePage_IsPrerenderedWithTheZonesStatus_AndExportsItsZoneFile()
    {
        await using var portal = await RunningPortal.StartAsync();
        string alice = await PortalSession.CreateAccountAsync(portal, "alice@example.com", admin: true);
        long id = await PortalSession.ImportAsync(portal, "alice.example.", alice, serial: 77);
        using var browser = await PortalSession.SignInAsync(portal, "alice@example.com");

        var overview = await browser.PageAsync($"/zones/{id}");
        using var export = await browser.GetAsync($"/zones/{id}/export");

        Assert.Equal("alice.example.", overview.QuerySelector("#zone-name")!.TextContent);
        Assert.Equal("77", overview.QuerySelector("#zone-status [data-testid=serial]")!.TextContent);
        Assert.Contains("7200 s (2 h)", overview.QuerySelector("#soa")!.TextContent, StringComparison.Ordinal);
        Assert.Null(overview.QuerySelector("[hx-get]"));
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("alice.example.zone", export.Content.Headers.ContentDisposition.FileName);
        Assert.Contains("$ORIGIN alice.example.", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
