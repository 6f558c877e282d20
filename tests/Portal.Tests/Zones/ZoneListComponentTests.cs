using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SecondaryPortal.Portal.Components.Pages.Zones;

using static SecondaryPortal.Portal.Tests.Zones.ZoneServiceHost;

namespace SecondaryPortal.Portal.Tests.Zones;

/// <summary>The interactive zone list (MudTable with server-side paging, sorting and filtering) in bUnit, on a real store.</summary>
public sealed class ZoneListComponentTests : IAsyncLifetime
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
    public async Task List_WithoutZones_ShowsTheAddYourFirstSiteState_AndNoTable()
    {
        await _host.ImportAsync("theirs.example.", Bob);

        var page = _context.Render<ZoneList>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#no-zones")), Wait);
        Assert.Contains("Add your first site", page.Find("#no-zones").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#zones"));
        Assert.DoesNotContain("theirs.example", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_OfFiftyFiveZones_ShowsTheFirstFifty_LinkedToTheirPages_AndTheCount()
    {
        var ids = new List<long>();
        for (int i = 0; i < 55; i++)
            ids.Add(await _host.ImportAsync($"z{i:D2}.example.", Alice));

        var page = _context.Render<ZoneList>();

        page.WaitForAssertion(() => Assert.Equal(50, Zones(page).Count), Wait);
        Assert.Equal("z00.example.", Zones(page)[0]);
        Assert.Equal("55 of 55 zones", page.Find("#zone-count").TextContent.Trim());
        Assert.Equal($"zones/{ids[0]}", page.Find("a.zone-link").GetAttribute("href"));
        Assert.All(page.FindAll("[data-status]"), status => Assert.Equal("Active", status.TextContent.Trim()));
    }

    [Fact]
    public async Task AnOpenList_ShowsAZoneTheEngineServesFromNowOn_WithoutAReload()
    {
        await _host.ImportAsync("first.example.", Alice);
        await _host.Get<SecondaryPortal.Engine.Zones.ZonePublisher>().SyncAsync();
        var page = _context.Render<ZoneList>();
        page.WaitForAssertion(() => Assert.Equal(["first.example."], Zones(page)), Wait);

        await _host.ImportAsync("second.example.", Alice);
        await _host.Get<SecondaryPortal.Engine.Zones.ZonePublisher>().SyncAsync(); // published: the feed tells the open page

        page.WaitForAssertion(() => Assert.Equal(["first.example.", "second.example."], Zones(page)), Wait);
    }

    [Fact]
    public async Task NextPage_ShowsTheRemainingFive()
    {
        for (int i = 0; i < 55; i++)
            await _host.ImportAsync($"z{i:D2}.example.", Alice);
        var page = _context.Render<ZoneList>();
        page.WaitForAssertion(() => Assert.Equal(50, Zones(page).Count), Wait);

        page.Find("button[aria-label='Next page']").Click();

        page.WaitForAssertion(() => Assert.Equal(["z50.example.", "z51.example.", "z52.example.", "z53.example.", "z54.example."], Zones(page)), Wait);
    }

    [Fact]
    public async Task SerialHeader_SortsInTheDatabase_AscendingThenDescending()
    {
        await _host.ImportAsync("a.example.", Alice, serial: 30);
        await _host.ImportAsync("b.example.", Alice, serial: 10);
        await _host.ImportAsync("c.example.", Alice, serial: 20);
        var page = _context.Render<ZoneList>();
        page.WaitForAssertion(() => Assert.Equal(["a.example.", "b.example.", "c.example."], Zones(page)), Wait);

        SortLabel(page, "Serial").Click();
        page.WaitForAssertion(() => Assert.Equal(["b.example.", "c.example.", "a.example."], Zones(page)), Wait);
        SortLabel(page, "Serial").Click();
        page.WaitForAssertion(() => Assert.Equal(["a.example.", "c.example.", "b.example."], Zones(page)), Wait);
    }

    [Fact]
    public async Task Search_KeepsTheMatchingZones_AndNoMatchSaysSo_WithAWayBack()
    {
        await _host.ImportAsync("shop.example.", Alice);
        await _host.ImportAsync("blog.example.", Alice);
        await _host.AddSecondaryAsync("mail.example.", Alice);
        var page = _context.Render<ZoneList>();
        page.WaitForAssertion(() => Assert.Equal(3, Zones(page).Count), Wait);

        page.Find("#zone-search").Input("shop");
        page.WaitForAssertion(() => Assert.Equal(["shop.example."], Zones(page)), Wait);
        Assert.Equal("1 of 3 zones", page.Find("#zone-count").TextContent.Trim());

        page.Find("#zone-search").Input("nothing-like-it");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#no-matches")), Wait);
        page.Find("#no-matches a").Click();
        page.WaitForAssertion(() => Assert.Equal(3, Zones(page).Count), Wait);
    }

    [Fact]
    public async Task KindInTheAddress_OpensTheListFiltered()
    {
        await _host.ImportAsync("shop.example.", Alice);
        await _host.AddSecondaryAsync("mail.example.", Alice);
        _context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("zones?kind=secondary");

        var page = _context.Render<ZoneList>();

        page.WaitForAssertion(() => Assert.Equal(["mail.example."], Zones(page)), Wait);
        Assert.NotEqual("Active", page.Find("[data-status]").TextContent.Trim());
        Assert.Equal("1 of 2 zones", page.Find("#zone-count").TextContent.Trim());
    }

    private static List<string> Zones(IRenderedComponent<ZoneList> page) =>
        page.FindAll("td[data-zone]").Select(cell => cell.GetAttribute("data-zone")!).ToList();

    private static AngleSharp.Dom.IElement SortLabel(IRenderedComponent<ZoneList> page, string text) =>
        page.FindAll(".mud-table-sort-label").Single(label => label.TextContent.Trim() == text);
}
