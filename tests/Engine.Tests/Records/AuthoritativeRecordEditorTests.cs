using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneFiles;
using SecondaryPortal.Engine.Records;
using SecondaryPortal.Engine.Tests.Support;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Tests.Records;

public sealed class AuthoritativeRecordEditorTests
{
    private static readonly DnsName Origin = DnsName.Parse("edit.example.");
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(2_100_000_000);

    private const string ZoneText = """
        $TTL 300
        @ SOA ns1 hostmaster 2024010101 7200 900 1209600 300
        @ NS ns1
        ns1 A 192.0.2.1
        www A 192.0.2.80
        alias CNAME www
        """;

    private sealed record Setup(TempStore Temp, ZoneStore Store, AuthoritativeRecordEditor Editor, ZoneRecordBrowser Browser, List<DnsName> Imported) : IDisposable
    {
        public void Dispose() => Temp.Dispose();
    }

    private static async Task<Setup> StartAsync(string zoneText = ZoneText)
    {
        var temp = await TempStore.CreateMigratedAsync();
        var store = temp.CreateZoneStore();
        await store.ImportAsync(Origin, ZoneFileParser.Parse(zoneText, Origin));
        var imported = new List<DnsName>();
        store.ZoneImported += imported.Add;
        var browser = new ZoneRecordBrowser(temp.Contexts, NullLogger<ZoneRecordBrowser>.Instance);
        var editor = new AuthoritativeRecordEditor(browser, store, new FixedClock(Now), NullLogger<AuthoritativeRecordEditor>.Instance);
        return new Setup(temp, store, editor, browser, imported);
    }

    [Fact]
    public async Task Add_OfAValidRecord_StoresItRaisesTheSerialJournalsAndAnnouncesTheChange()
    {
        using var setup = await StartAsync();

        var result = await setup.Editor.AddAsync(Origin, new RecordInput("mail", 600, "MX", "10 www"));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(2_100_000_000u, result.Serial); // the Unix time, newer than 2024010101
        var page = await setup.Browser.PageAsync(Origin, new RecordQuery(Type: RecordType.MX));
        var row = Assert.Single(page.Page!.Rows);
        Assert.Equal(("mail.edit.example.", 600u, "10 www.edit.example."), (row.Name, row.Ttl, row.Data));
        Assert.Equal(2_100_000_000u, page.Serial);
        await using var context = setup.Temp.CreateContext();
        var entry = Assert.Single(await context.ZoneJournal.ToListAsync());
        Assert.Equal((2024010101L, 2_100_000_000L), ((long)entry.FromSerial, (long)entry.ToSerial));
        Assert.Equal([Origin], setup.Imported);
    }

    [Fact]
    public async Task Replace_ChangesTheRecordInOneStep_AndAgainRaisesTheSerialByOne()
    {
        using var setup = await StartAsync();
        await setup.Editor.AddAsync(Origin, new RecordInput("txt", null, "TXT", "\"first\""));

        var result = await setup.Editor.ReplaceAsync(Origin, new RecordInput("txt", null, "TXT", "\"first\""), new RecordInput("txt.edit.example.", 60, "TXT", "\"second\""));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(2_100_000_001u, result.Serial); // the clock did not move: current + 1
        var rows = (await setup.Browser.PageAsync(Origin, new RecordQuery(NameContains: "txt."))).Page!.Rows;
        Assert.Equal(("\"second\"", 60u), (Assert.Single(rows).Data, rows[0].Ttl));
        await using var context = setup.Temp.CreateContext();
        Assert.Equal(2, await context.ZoneJournal.CountAsync());
    }

    [Fact]
    public async Task Delete_RemovesTheRecord()
    {
        using var setup = await StartAsync();
        var result = await setup.Editor.DeleteAsync(Origin, new RecordInput("alias", null, "CNAME", "www"));
        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(0, (await setup.Browser.PageAsync(Origin, new RecordQuery(Type: RecordType.CNAME))).Page!.TotalMatches);
    }

    [Fact]
    public async Task Add_WithoutTtl_TakesTheTtlOfItsRRset_AndANewTtlAppliesToTheWholeRRset()
    {
        using var setup = await StartAsync();
        await setup.Editor.AddAsync(Origin, new RecordInput("www", null, "A", "192.0.2.81"));
        var inherited = (await setup.Browser.PageAsync(Origin, new RecordQuery(NameContains: "www", Type: RecordType.A))).Page!.Rows;
        Assert.All(inherited, r => Assert.Equal(300u, r.Ttl));

        await setup.Editor.AddAsync(Origin, new RecordInput("www", 900, "A", "192.0.2.82"));
        var unified = (await setup.Browser.PageAsync(Origin, new RecordQuery(NameContains: "www", Type: RecordType.A))).Page!.Rows;
        Assert.Equal(3, unified.Count);
        Assert.All(unified, r => Assert.Equal(900u, r.Ttl));
    }

    [Theory]
    [InlineData("www", 300u, "A", "192.0.2.300", RecordField.Data, "The A data is not valid")]
    [InlineData("www", 300u, "MX", "mail", RecordField.Data, "The MX data is not valid")]
    [InlineData("www", 300u, "A", "", RecordField.Data, "needs its data")]
    [InlineData("www", 300u, "NOPE", "1", RecordField.Type, "is not a record type")]
    [InlineData("www", 300u, "ANY", "1", RecordField.Type, "not a type of zone data")]
    [InlineData("www.other.example.", 300u, "A", "192.0.2.1", RecordField.Name, "is outside the zone edit.example.")]
    [InlineData("bad..name", 300u, "A", "192.0.2.1", RecordField.Name, "is not valid")]
    [InlineData("www", 4_000_000_000u, "A", "192.0.2.1", RecordField.Ttl, "RFC 2181 §8")]
    public async Task Add_OfAnInvalidRecord_NamesTheFieldAndStoresNothing(string name, uint ttl, string type, string data, RecordField field, string message)
    {
        using var setup = await StartAsync();
        var result = await setup.Editor.AddAsync(Origin, new RecordInput(name, ttl, type, data));
        Assert.Equal(RecordEditStatus.Invalid, result.Status);
        Assert.Equal(field, result.Field);
        Assert.Contains(message, result.Message);
        Assert.Equal(2024010101u, result.Serial);
        Assert.Empty(setup.Imported);
    }

    [Theory]
    [InlineData("alias", "A", "192.0.2.9", "is an alias (CNAME)")]
    [InlineData("www", "CNAME", "ns1", "cannot stand beside other data")]
    [InlineData("alias", "CNAME", "ns1", "at most one")]
    [InlineData("www", "A", "192.0.2.80", "already has this A record")]
    [InlineData("@", "SOA", "ns1 hostmaster 1 2 3 4 5", "exactly one SOA")]
    [InlineData("sub", "SOA", "ns1 hostmaster 1 2 3 4 5", "apex edit.example. only")]
    public async Task Add_ThatANameserverWouldRefuse_IsRefusedWithTheReason(string name, string type, string data, string message)
    {
        using var setup = await StartAsync();
        var result = await setup.Editor.AddAsync(Origin, new RecordInput(name, 300, type, data));
        Assert.Equal(RecordEditStatus.Refused, result.Status);
        Assert.Contains(message, result.Message);
        Assert.Empty(setup.Imported);
    }

    [Fact]
    public async Task Delete_OfTheSoa_IsRefused()
    {
        using var setup = await StartAsync();
        var result = await setup.Editor.DeleteAsync(Origin, new RecordInput("@", null, "SOA", "ns1 hostmaster 2024010101 7200 900 1209600 300"));
        Assert.Equal(RecordEditStatus.Refused, result.Status);
        Assert.Contains("SOA record cannot be deleted", result.Message);
    }

    [Fact]
    public async Task Delete_OfTheLastApexNs_IsRefused_ButReplacingItWorks()
    {
        using var setup = await StartAsync();
        var deleted = await setup.Editor.DeleteAsync(Origin, new RecordInput("@", null, "NS", "ns1"));
        Assert.Equal(RecordEditStatus.Refused, deleted.Status);
        Assert.Contains("last NS record", deleted.Message);

        var replaced = await setup.Editor.ReplaceAsync(Origin, new RecordInput("@", null, "NS", "ns1"), new RecordInput("@", null, "NS", "ns.other.example."));
        Assert.True(replaced.Succeeded, replaced.Message);
    }

    [Fact]
    public async Task Delete_OfARecordNotInTheZone_IsRecordNotFound()
    {
        using var setup = await StartAsync();
        var result = await setup.Editor.DeleteAsync(Origin, new RecordInput("www", null, "A", "192.0.2.99"));
        Assert.Equal(RecordEditStatus.RecordNotFound, result.Status);
    }

    [Fact]
    public async Task Replace_OfTheSoa_KeepsATypedSerialThatMovesForward_OrRaisesIt()
    {
        using var setup = await StartAsync();
        var soa = new RecordInput("@", null, "SOA", "ns1 hostmaster 2024010101 7200 900 1209600 300");
        var typed = await setup.Editor.ReplaceAsync(Origin, soa, soa with { Data = "ns1 hostmaster 2200000000 3600 900 1209600 60" });
        Assert.Equal(2_200_000_000u, typed.Serial);

        var again = await setup.Editor.ReplaceAsync(Origin, soa with { Data = "ns1 hostmaster 2200000000 3600 900 1209600 60" },
            soa with { Data = "ns1 hostmaster 2000000000 3600 900 1209600 120" });
        Assert.Equal(2_200_000_001u, again.Serial);
    }

    [Fact]
    public async Task Edit_OfASecondaryOrUnknownZone_IsRefused()
    {
        using var setup = await StartAsync();
        var unknown = await setup.Editor.AddAsync(DnsName.Parse("nowhere.example."), new RecordInput("www", 300, "A", "192.0.2.1"));
        Assert.Equal(RecordEditStatus.ZoneNotFound, unknown.Status);
    }

    [Fact]
    public void NextSerial_FollowsRfc1982()
    {
        Assert.Equal(2_100_000_000u, ZoneEditRules.NextSerial(2024010101, Now));
        Assert.Equal(2_100_000_001u, ZoneEditRules.NextSerial(2_100_000_000, Now));
        Assert.Equal(5u, ZoneEditRules.NextSerial(uint.MaxValue, DateTimeOffset.FromUnixTimeSeconds(5))); // 5 follows 2^32 - 1 (RFC 1982 §3.2)
        Assert.Equal(0u, ZoneEditRules.NextSerial(uint.MaxValue, DateTimeOffset.FromUnixTimeSeconds(int.MaxValue))); // 2^31 apart: undefined, so + 1, wrapping
    }
}
