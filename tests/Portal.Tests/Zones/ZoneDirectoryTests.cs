using System.Diagnostics;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Records;
using SecondaryPortal.Portal.Services.Zones;
using Xunit.Abstractions;

using static SecondaryPortal.Portal.Tests.Zones.ZoneServiceHost;

namespace SecondaryPortal.Portal.Tests.Zones;

public sealed class ZoneDirectoryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task List_ShowsOnlyTheAccountsOwnZones_AndTheAdminSeesAll()
    {
        await using var host = await ZoneServiceHost.StartAsync();
        await host.ImportAsync("alice.example.", Alice);
        await host.AddSecondaryAsync("bob.example.", Bob);
        await host.ImportAsync("cli.example.", owner: null);
        var zones = host.Get<ZoneDirectory>();

        var alice = await zones.ListAsync(Alice, new ZoneListQuery());
        var bob = await zones.ListAsync(Bob, new ZoneListQuery());
        var admin = await zones.ListAsync(Admin, new ZoneListQuery());

        Assert.Equal(["alice.example."], alice.Rows.Select(r => r.Origin));
        Assert.Equal(["bob.example."], bob.Rows.Select(r => r.Origin));
        Assert.Equal(["alice.example.", "bob.example.", "cli.example."], admin.Rows.Select(r => r.Origin));
        Assert.Equal(ZoneDisplayStatus.Active, alice.Rows[0].Status);
        Assert.Equal(ZoneDisplayStatus.Pending, bob.Rows[0].Status);
        Assert.Null(bob.Rows[0].Serial);
    }

    [Fact]
    public async Task GetAndRecordsAndHistory_OfAnotherAccountsZone_AreNotFound()
    {
        await using var host = await ZoneServiceHost.StartAsync();
        long id = await host.ImportAsync("alice.example.", Alice, serial: 42);
        var zones = host.Get<ZoneDirectory>();

        Assert.Null(await zones.GetAsync(Bob, id));
        Assert.Null(await zones.GetRowAsync(Bob, id));
        Assert.Null(await zones.RecordsAsync(Bob, id, new RecordQuery()));
        Assert.Null(await zones.HistoryAsync(Bob, id));
        var mine = await zones.GetAsync(Alice, id);
        Assert.Equal(42u, mine!.Summary.Serial);
        Assert.Equal(5, (await zones.RecordsAsync(Alice, id, new RecordQuery()))!.Page!.TotalRecords);
        Assert.NotNull(await zones.GetAsync(Admin, id));
        Assert.NotNull(mine.Outgoing);
    }

    [Fact]
    public async Task List_PagesAndFilters_OverManyZones()
    {
        await using var host = await ZoneServiceHost.StartAsync();
        await host.SeedSecondariesAsync(250, Alice);
        await host.SeedSecondariesAsync(5, Bob, "bob.");
        var zones = host.Get<ZoneDirectory>();

        var third = await zones.ListAsync(Alice, new ZoneListQuery(Page: 3, PageSize: 100));
        var failing = await zones.ListAsync(Alice, new ZoneListQuery(Status: ZoneDisplayStatus.Failing, PageSize: 100));
        var search = await zones.ListAsync(Alice, new ZoneListQuery(Search: "ZONE0012"));
        var past = await zones.ListAsync(Alice, new ZoneListQuery(Page: 99, PageSize: 100));
        var authoritative = await zones.ListAsync(Alice, new ZoneListQuery(Kind: ZoneKind.Authoritative));

        Assert.Equal(250, third.TotalZones);
        Assert.Equal(3, third.PageCount);
        Assert.Equal(50, third.Rows.Count);
        Assert.Equal("zone00200.example.", third.Rows[0].Origin);
        Assert.Equal(25, failing.TotalMatches);
        Assert.All(failing.Rows, r => Assert.Equal("no primary answered", r.LastError));
        Assert.Equal(10, search.TotalMatches);
        Assert.Equal(3, past.Page);
        Assert.Empty(authoritative.Rows);
        Assert.Equal(250u, third.Rows[^1].PrimarySerial);
        Assert.True(third.Rows[^1].IsBehind);
    }

    [Fact]
    public async Task List_SearchInUnicode_FindsTheZoneStoredInPunycode()
    {
        await using var host = await ZoneServiceHost.StartAsync();
        await host.ImportAsync("xn--mnchen-3ya.example.", Alice);
        await host.ImportAsync("other.example.", Alice);
        var zones = host.Get<ZoneDirectory>();

        var found = await zones.ListAsync(Alice, new ZoneListQuery(Search: "München"));

        var row = Assert.Single(found.Rows);
        Assert.Equal("xn--mnchen-3ya.example.", row.Origin);
        Assert.Equal("münchen.example.", row.DisplayName);
    }

    [Fact]
    public async Task List_OfTenThousandZones_PagesInOneQueryPerPage()
    {
        // A test-sized benchmark: the figure goes to bench/README.md; the assertions check the page, not the time.
        await using var host = await ZoneServiceHost.StartAsync();
        await host.SeedSecondariesAsync(10_000, Alice);
        var zones = host.Get<ZoneDirectory>();
        await zones.ListAsync(Alice, new ZoneListQuery()); // warm-up: the first query compiles the LINQ

        var watch = Stopwatch.StartNew();
        var last = await zones.ListAsync(Alice, new ZoneListQuery(Page: 200, PageSize: 50));
        var middle = await zones.ListAsync(Alice, new ZoneListQuery(Search: "zone05", Status: ZoneDisplayStatus.Active, Page: 5));
        watch.Stop();
        output.WriteLine($"two pages of 10,000 zones (the last page; a search with a status filter): {watch.Elapsed.TotalMilliseconds:F1} ms");

        Assert.Equal(10_000, last.TotalZones);
        Assert.Equal("zone09999.example.", last.Rows[^1].Origin);
        Assert.Equal(900, middle.TotalMatches);
        Assert.Equal(50, middle.Rows.Count);
    }
}
