using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SecondaryPortal.Engine.Zones;
using SecondaryPortal.Portal.Components.Pages.Zones;

using static SecondaryPortal.Portal.Tests.Zones.ZoneServiceHost;

namespace SecondaryPortal.Portal.Tests.Zones;

/// <summary>The interactive zone page in bUnit on a real store: its states, the records table, the record form and the delete dialog.</summary>
public sealed class ZonePageComponentTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private BunitContext _context = default!;
    private ZoneServiceHost _host = default!;

    public async Task InitializeAsync()
    {
        _host = await ZoneServiceHost.StartAsync();
        var alice = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, Alice.UserId), new Claim(ClaimTypes.Name, "alice@example.com")], "test"));
        _context = Support.PageContext.For(_host.Services, alice);
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task AnotherAccountsZone_IsNotFound_AndNothingOfItIsShown()
    {
        long id = await _host.ImportAsync("theirs.example.", Bob);

        var page = Render(id);

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#zone-not-found")), Wait);
        Assert.DoesNotContain("theirs.example", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#zone-actions"));
    }

    [Fact]
    public async Task SecondaryZone_ShowsItsStateSerialsPrimaryAndTransferActions_WithTheHistoryTab()
    {
        await _host.SeedSecondariesAsync(2, Alice);
        long id = (await _host.Get<Portal.Services.Zones.ZoneDirectory>().ListAsync(Alice, new Portal.Services.Zones.ZoneListQuery())).Rows[1].Id;

        var page = Render(id);

        page.WaitForAssertion(() => Assert.Equal("zone00001.example.", page.Find("#zone-name").TextContent), Wait);
        Assert.Equal("Active", page.Find("#zone-status [data-status]").TextContent.Trim());
        Assert.Equal("1", page.Find("#zone-status [data-testid=serial]").TextContent);
        Assert.Equal("2", page.Find("#zone-status [data-testid=primary-serial]").TextContent);
        Assert.NotNull(page.Find("#transfer-now"));
        Assert.NotNull(page.Find("#force-axfr"));
        Assert.Contains("192.0.2.10", page.Find("#primaries").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Overview", "Records", "Transfer history", "Analytics"], page.FindAll("#zone-tabs a").Select(a => a.TextContent));
        Assert.Equal($"zones/{id}?tab=history", page.FindAll("#zone-tabs a")[2].GetAttribute("href"));
    }

    [Fact]
    public async Task AuthoritativeZone_RecordsTab_ShowsItsRecordsInATable_AndTheCount()
    {
        long id = await _host.ImportAsync("auth.example.", Alice, serial: 9);

        var page = Render(id, "records");

        page.WaitForAssertion(() => Assert.Equal("5 of 5 records", page.Find("#record-count").TextContent.Trim()), Wait);
        Assert.Equal(5, page.FindAll("#records tbody tr").Count);
        Assert.Contains(page.FindAll("#records tbody tr"), row => row.TextContent.Contains("192.0.2.1", StringComparison.Ordinal));
        Assert.NotEmpty(page.FindAll("button[aria-label^='Edit www.auth.example.']"));
        Assert.Equal("9", page.Find("#zone-status [data-testid=serial]").TextContent);
    }

    [Fact]
    public async Task RecordsTab_NextPage_AsksTheServiceForTheNextRows()
    {
        long id = await _host.ImportAsync("big.example.", Alice);
        var editing = _host.Get<Portal.Services.Zones.ZoneRecordEditing>();
        for (int i = 0; i < 30; i++)
        {
            var added = await editing.AddAsync(Alice, id, new Engine.Records.RecordInput($"h{i:D2}", 300, "A", $"198.51.100.{i}"));
            Assert.True(added.Succeeded, added.Message);
        }
        var page = Render(id, "records");
        page.WaitForAssertion(() => Assert.Equal("35 of 35 records", page.Find("#record-count").TextContent.Trim()), Wait);
        page.WaitForAssertion(() => Assert.Equal(35, page.FindAll("#records tbody tr").Count), Wait);
        await page.InvokeAsync(() => page.FindComponent<MudTable<Engine.Records.RecordRow>>().Instance.SetRowsPerPage(25));
        page.WaitForAssertion(() => Assert.Equal(25, page.FindAll("#records tbody tr").Count), Wait);

        page.Find("button[aria-label='Next page']").Click();

        page.WaitForAssertion(() => Assert.Equal(10, page.FindAll("#records tbody tr").Count), Wait);
    }

    [Fact]
    public async Task AddRecord_WithBadData_ShowsTheEditorsMessageUnderTheField_AndChangesNothing()
    {
        long id = await _host.ImportAsync("bad.example.", Alice, serial: 5);
        var page = Render(id, "records");
        page.WaitForAssertion(() => Assert.Equal("5 of 5 records", page.Find("#record-count").TextContent.Trim()), Wait);

        page.Find("#add-name").Input("api");
        page.Find("#add-data").Input("192.0.2.999");
        page.Find("#add-submit").Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.Find("[data-input=Data] .mud-input-error").TextContent.Trim()), Wait);
        Assert.Empty(page.FindAll("[data-input=Name] .mud-input-error"));
        Assert.Equal("192.0.2.999", page.Find("#add-data").GetAttribute("value"));
        Assert.Equal("5 of 5 records", page.Find("#record-count").TextContent.Trim());
        var stored = await _host.Get<Portal.Services.Zones.ZoneDirectory>().GetRowAsync(Alice, id);
        Assert.Equal(5u, stored!.Serial);
    }

    [Fact]
    public async Task DeleteDialog_Cancelled_KeepsTheZone_AndConfirmedWithItsName_DeletesIt()
    {
        long id = await _host.ImportAsync("gone.example.", Alice);
        var dialogs = _context.Render<MudDialogProvider>();
        var page = Render(id);
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#delete-zone")), Wait);

        page.Find("#delete-zone").Click();
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("#delete-cancel")), Wait);
        dialogs.Find("#delete-cancel").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("#delete-cancel")), Wait);
        Assert.Single(await _host.Get<ZoneStore>().ListAsync());

        page.Find("#delete-zone").Click();
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("#confirm-name")), Wait);
        dialogs.Find("#confirm-name").Input("gone.exampl");
        dialogs.Find("#delete-confirm").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Type gone.example exactly", dialogs.Find(".mud-input-error").TextContent, StringComparison.Ordinal), Wait);
        Assert.Single(await _host.Get<ZoneStore>().ListAsync());
        dialogs.Find("#confirm-name").Input("gone.example");
        dialogs.Find("#delete-confirm").Click();

        var navigation = _context.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith("zones?deleted=gone.example.", navigation.Uri, StringComparison.Ordinal), Wait);
        Assert.Empty(await _host.Get<ZoneStore>().ListAsync());
    }

    [Fact]
    public async Task OpenPage_ShowsANewSerial_WhenThePublisherPublishesTheZone_WithoutAReload()
    {
        long id = await _host.ImportAsync("live.example.", Alice, serial: 1);
        await _host.Get<ZonePublisher>().SyncAsync();
        var page = Render(id);
        page.WaitForAssertion(() => Assert.Equal("1", page.Find("#zone-status [data-testid=serial]").TextContent), Wait);

        await _host.ImportAsync("live.example.", Alice, serial: 2);
        await _host.Get<ZonePublisher>().SyncAsync();

        page.WaitForAssertion(() => Assert.Equal("2", page.Find("#zone-status [data-testid=serial]").TextContent), TimeSpan.FromSeconds(1));
    }

    private IRenderedComponent<ZonePage> Render(long id, string? tab = null)
    {
        var navigation = _context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(tab is null ? $"zones/{id}" : $"zones/{id}?tab={tab}");
        return _context.Render<ZonePage>(parameters => parameters.Add(p => p.Id, id));
    }
}
