using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Engine.Records;
using SecondaryPortal.Engine.Tests.Support;

namespace SecondaryPortal.Engine.Tests.Records;

public sealed class ZoneRecordBrowserTests
{
    private static readonly DnsName Origin = DnsName.Parse("browse.example.");

    [Fact]
    public void Page_WithoutFilters_GivesTheRequestedSliceInZoneOrderWithTotals()
    {
        var records = GeneratedZone.Create(Origin, 100);
        var page = ZoneRecordBrowser.Page(records, new RecordQuery(Page: 2, PageSize: 10));

        Assert.Equal(100, page.TotalMatches);
        Assert.Equal(100, page.TotalRecords);
        Assert.Equal(10, page.PageCount);
        Assert.Equal(Enumerable.Range(10, 10), page.Rows.Select(r => r.Position));
        var first = page.Rows[0];
        Assert.Equal(records[10].Name.ToString(), first.Name);
        Assert.Equal(records[10].Data.ToString(), first.Data);
        Assert.Equal(RecordTypeNames.ToText(records[10].Type), first.TypeText);
    }

    [Fact]
    public void Page_WithANameFilter_MatchesCaseInsensitivelyAndCountsTypesOfTheMatches()
    {
        var records = GeneratedZone.Create(Origin, 100);
        var page = ZoneRecordBrowser.Page(records, new RecordQuery(NameContains: " HOST1.", PageSize: 50));

        // host1 holds only an A record (i=1: no AAAA, no TXT).
        var row = Assert.Single(page.Rows);
        Assert.Equal("host1.browse.example.", row.Name);
        Assert.Equal(RecordType.A, row.Type);
        Assert.Equal(new RecordTypeCount(RecordType.A, "A", 1), Assert.Single(page.CountsByType));
    }

    [Fact]
    public void Page_WithATypeFilter_KeepsOnlyThatTypeButCountsEveryType()
    {
        var records = GeneratedZone.Create(Origin, 100);
        int txt = records.Count(r => r.Type == RecordType.TXT);
        var page = ZoneRecordBrowser.Page(records, new RecordQuery(Type: RecordType.TXT, Page: 2, PageSize: 3));

        Assert.Equal(txt, page.TotalMatches);
        Assert.All(page.Rows, r => Assert.Equal(RecordType.TXT, r.Type));
        var expected = records.Select((r, i) => (r, i)).Where(x => x.r.Type == RecordType.TXT).Skip(3).Take(3).Select(x => x.i);
        Assert.Equal(expected, page.Rows.Select(r => r.Position));
        Assert.Equal(records.GroupBy(r => r.Type).Count(), page.CountsByType.Count);
        Assert.Equal(txt, page.CountsByType.Single(c => c.Type == RecordType.TXT).Count);
    }

    [Fact]
    public void Page_WithNameAndTypeFilters_PagesAcrossOwners()
    {
        var records = GeneratedZone.Create(Origin, 300);
        var query = new RecordQuery(NameContains: "host1", Type: RecordType.AAAA, PageSize: 4);
        var expected = records.Select((r, i) => (r, i))
            .Where(x => x.r.Type == RecordType.AAAA && x.r.Name.ToString().Contains("host1", StringComparison.Ordinal)).Select(x => x.i).ToList();

        var all = Enumerable.Range(1, (expected.Count + 3) / 4).SelectMany(p => ZoneRecordBrowser.Page(records, query with { Page = p }).Rows.Select(r => r.Position)).Distinct();

        Assert.Equal(expected, all);
        Assert.Equal(expected.Count, ZoneRecordBrowser.Page(records, query).TotalMatches);
    }

    [Fact]
    public void Page_PastTheLastPage_GivesTheLastPage()
    {
        var page = ZoneRecordBrowser.Page(GeneratedZone.Create(Origin, 25), new RecordQuery(Page: 9, PageSize: 10));
        Assert.Equal(3, page.Page);
        Assert.Equal(5, page.Rows.Count);
    }

    [Fact]
    public void Page_WithNoMatch_IsEmptyWithNoCounts()
    {
        var page = ZoneRecordBrowser.Page(GeneratedZone.Create(Origin, 25), new RecordQuery(NameContains: "nothing-like-this"));
        Assert.Empty(page.Rows);
        Assert.Equal(0, page.TotalMatches);
        Assert.Equal(1, page.PageCount);
        Assert.Empty(page.CountsByType);
    }

    [Fact]
    public async Task PageAsync_OfAStoredZone_ReadsItOnceAndSeesAChangeAtOnce()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var store = temp.CreateZoneStore();
        await store.ImportAsync(Origin, GeneratedZone.Create(Origin, 40, serial: 1));
        var browser = new ZoneRecordBrowser(temp.Contexts, NullLogger<ZoneRecordBrowser>.Instance);

        var first = await browser.GetAsync(Origin);
        var again = await browser.GetAsync(Origin);
        Assert.Equal(RecordBrowseStatus.Found, first.Status);
        Assert.Same(first.Index, again.Index);

        var changed = GeneratedZone.Create(Origin, 40, serial: 2);
        changed.Add(new DnsRecord(DnsName.Parse("new-host", Origin), 60, new AData(IPAddress.Parse("192.0.2.99"))));
        await store.ImportAsync(Origin, changed);
        var result = await browser.PageAsync(Origin, new RecordQuery(NameContains: "new-host"));

        Assert.Equal(2u, result.Serial);
        var row = Assert.Single(result.Page!.Rows);
        Assert.Equal(("new-host.browse.example.", 60u, "192.0.2.99"), (row.Name, row.Ttl, row.Data));
    }

    [Fact]
    public async Task PageAsync_OfAServedZone_IndexesTheServedSnapshot()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var records = GeneratedZone.Create(Origin, 30, serial: 3);
        await temp.CreateZoneStore().ImportAsync(Origin, records);
        var table = new ZoneTable();
        var snapshot = ZoneSnapshot.Build(Origin, records).Snapshot!;
        table.Publish(snapshot);
        var browser = new ZoneRecordBrowser(temp.Contexts, NullLogger<ZoneRecordBrowser>.Instance, table);

        var set = await browser.GetAsync(Origin);

        Assert.Equal(RecordBrowseStatus.Found, set.Status);
        Assert.Equal(snapshot.Records().Select(r => r.ToString()), set.Index!.Records.Select(r => r.ToString()));
        Assert.Equal(RecordType.SOA, set.Index.Records[0].Type);
    }

    [Fact]
    public async Task PageAsync_OfAnUnknownZone_IsNotFound()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var browser = new ZoneRecordBrowser(temp.Contexts, NullLogger<ZoneRecordBrowser>.Instance);
        var result = await browser.PageAsync(DnsName.Parse("missing.example."), new RecordQuery());
        Assert.Equal(RecordBrowseStatus.NotFound, result.Status);
        Assert.Null(result.Page);
        Assert.Equal("No zone missing.example. is stored.", result.Message);
    }
}
