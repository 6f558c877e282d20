using System.Net;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Zones;
using SecondaryPortal.Portal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace SecondaryPortal.Portal.Tests.Zones;

/// <summary>The zone pages through the real server, as a browser without JavaScript uses them.</summary>
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
    public async Task ZonePage_ShowsTheZone_ItsRecordsFiltered_AndTheStatusFragmentAndExport()
    {
        await using var portal = await RunningPortal.StartAsync();
        string alice = await PortalSession.CreateAccountAsync(portal, "alice@example.com", admin: true);
        long id = await PortalSession.ImportAsync(portal, "alice.example.", alice, serial: 77);
        using var browser = await PortalSession.SignInAsync(portal, "alice@example.com");

        var overview = await browser.PageAsync($"/zones/{id}");
        var records = await browser.PageAsync($"/zones/{id}?tab=records&rq=www&rtype=A");
        using var status = await browser.GetAsync($"/zones/{id}/status");
        using var export = await browser.GetAsync($"/zones/{id}/export");

        Assert.Equal("alice.example.", overview.QuerySelector("#zone-name")!.TextContent);
        Assert.Equal("77", overview.QuerySelector("#zone-status [data-testid=serial]")!.TextContent);
        Assert.Contains("7200 s (2 h)", overview.QuerySelector("#soa")!.TextContent, StringComparison.Ordinal);
        var row = Assert.Single(records.QuerySelectorAll("#records tbody tr"));
        Assert.Contains("192.0.2.1", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("1 of 5 records", records.QuerySelector("#record-count")!.TextContent);
        var fragment = PortalClient.Parse(await status.Content.ReadAsStringAsync());
        Assert.Equal("every 2s", fragment.QuerySelector("#zone-status")!.GetAttribute("hx-trigger"));
        Assert.Equal("Active", fragment.QuerySelector("[data-status]")!.TextContent);
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("alice.example.zone", export.Content.Headers.ContentDisposition.FileName);
        Assert.Contains("$ORIGIN alice.example.", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_WithTheWrongName_KeepsTheZone_ThenWithItsName_RemovesIt()
    {
        await using var portal = await RunningPortal.StartAsync();
        string alice = await PortalSession.CreateAccountAsync(portal, "alice@example.com", admin: true);
        long id = await PortalSession.ImportAsync(portal, "gone.example.", alice);
        using var browser = await PortalSession.SignInAsync(portal, "alice@example.com");

        var confirm = await browser.PageAsync($"/zones/{id}/delete");
        var (_, refused) = await browser.SubmitAndReadAsync(confirm, "#delete-form", new Dictionary<string, string> { ["ConfirmName"] = "gone.exampl" });
        Assert.Equal("Type gone.example exactly to delete the zone; nothing was deleted.", refused!.QuerySelector("[data-testid=form-message]")!.TextContent);
        Assert.Single(await portal.Services.GetRequiredService<ZoneStore>().ListAsync());

        using var deleted = await browser.SubmitAsync(refused, "#delete-form", new Dictionary<string, string> { ["ConfirmName"] = "gone.example" });

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.StartsWith("/zones?deleted=", deleted.Headers.Location!.ToString().Replace(portal.Address.ToString().TrimEnd('/'), "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Empty(await portal.Services.GetRequiredService<ZoneStore>().ListAsync());
        using var gone = await browser.GetAsync($"/zones/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task OutgoingTransfers_ABadAddress_IsExplainedBesideTheField_AndAGoodOneIsListed()
    {
        await using var portal = await RunningPortal.StartAsync();
        string alice = await PortalSession.CreateAccountAsync(portal, "alice@example.com", admin: true);
        long id = await PortalSession.ImportAsync(portal, "out.example.", alice);
        using var browser = await PortalSession.SignInAsync(portal, "alice@example.com");
        var page = await browser.PageAsync($"/zones/{id}?tab=transfers");

        var (_, invalid) = await browser.SubmitAndReadAsync(page, "#allow-form", new Dictionary<string, string> { ["AclEntry"] = "192.0.2.300" });
        var (_, added) = await browser.SubmitAndReadAsync(invalid!, "#allow-form", new Dictionary<string, string> { ["AclEntry"] = "192.0.2.0/24" });

        Assert.NotNull(invalid!.QuerySelector("#allow-form #acl-entry.is-invalid"));
        Assert.NotEmpty(invalid.QuerySelector("#allow-form .invalid-feedback")!.TextContent);
        Assert.Equal(["192.0.2.0/24"], added!.QuerySelectorAll("#acl code").Select(c => c.TextContent));
    }
}
