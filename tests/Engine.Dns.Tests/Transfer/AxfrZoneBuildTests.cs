using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Tests.Outbound;
using SecondaryPortal.Dns.Tests.Support;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Dns.ZoneFiles;

using static SecondaryPortal.Dns.Tests.Transfer.FakeZone;

namespace SecondaryPortal.Dns.Tests.Transfer;

/// <summary>
/// An AXFR is built into a zone as its messages arrive, its records read from the wire without a record object each:
/// the zone must be exactly the one <see cref="ZoneSnapshot.Build"/> makes of the same records, and a record the wire
/// decoders would refuse must be refused here too.
/// </summary>
public sealed class AxfrZoneBuildTests
{
    private static readonly DnsName Rich = DnsName.Parse("rich.example.");

    private static readonly string RichZonePath = Path.Combine(AppContext.BaseDirectory, "testdata", "zones", "rich.example.zone");

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(500)]
    public async Task Axfr_OfAZoneOfEveryType_BuildsTheZoneThatBuildingItsRecordsMakes(int perMessage)
    {
        var records = ZoneFileParser.LoadFile(RichZonePath, Rich);
        var soa = records.Single(r => r.Type == RecordType.SOA);
        List<DnsRecord> stream = [soa, .. records.Where(r => r.Type != RecordType.SOA), soa];
        await using var primary = FakePrimary.Start(c => c.SendAllAsync(Framed(c.Request, stream, perMessage)));

        var result = await Client().TransferAsync(Rich, new PrimaryServer(primary.EndPoint), current: null);

        Assert.Equal(TransferOutcome.Axfr, result.Outcome);
        var expected = ZoneSnapshot.Build(Rich, records);
        var built = result.Built!;
        Assert.Equal(OutboundZones.Lines(expected.Snapshot!.Records()), OutboundZones.Lines(built.Snapshot!.Records()));
        Assert.Equal(expected.Snapshot.RecordCount, built.Snapshot.RecordCount);
        Assert.Equal(expected.Snapshot.NodeCount, built.Snapshot.NodeCount);
        Assert.Equal(expected.Snapshot.IsSigned, built.Snapshot.IsSigned);
        Assert.Equal(expected.Warnings, built.Warnings);
    }

    [Fact]
    public async Task Axfr_WithRecordsTheZoneCannotServe_DropsThemAndSaysWhy()
    {
        List<DnsRecord> body =
        [
            .. Body(3),
            A("host0", "10.0.0.0"), // a duplicate
            new(DnsName.Parse("elsewhere.example."), 300, new AData(System.Net.IPAddress.Parse("192.0.2.1"))),
            new(DnsName.Parse("chaos.fake.example."), DnsClass.CH, 300, new TxtData("not IN")),
        ];
        await using var primary = FakePrimary.Start(c => c.SendAllAsync(Framed(c.Request, AxfrStream(7, body), perMessage: 4)));

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint), current: null);

        Assert.Equal(TransferOutcome.Axfr, result.Outcome);
        Assert.Equal(1 + Body(3).Count, result.Built!.Snapshot!.RecordCount);
        Assert.Contains(result.Built.Warnings, w => w.Contains("elsewhere.example. A is outside the zone fake.example.", StringComparison.Ordinal));
        Assert.Contains(result.Built.Warnings, w => w.Contains("chaos.fake.example. TXT: class CH is not served", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(RecordType.A, new byte[] { 192, 0, 2 }, "shorter than an A")]
    [InlineData(RecordType.AAAA, new byte[] { 0x20, 0x01, 0x0d, 0xb8 }, "shorter than an AAAA")]
    [InlineData(RecordType.A, new byte[] { 192, 0, 2, 1, 9 }, "longer than an A")]
    [InlineData(RecordType.TXT, new byte[0], "an empty TXT")]
    [InlineData(RecordType.TXT, new byte[] { 5, (byte)'a' }, "a TXT string running past its RDATA")]
    [InlineData(RecordType.MX, new byte[] { 0, 10, 3, (byte)'m', (byte)'x' }, "an MX exchange cut short")]
    [InlineData(RecordType.CNAME, new byte[] { 0xC0, 0xFF }, "a CNAME pointing forward")]
    [InlineData(RecordType.SOA, new byte[] { 0, 0, 0, 0, 1 }, "a SOA without its numbers")]
    [InlineData(RecordType.SRV, new byte[] { 0, 1, 0, 1 }, "an SRV without its port and target")]
    [InlineData(RecordType.CAA, new byte[] { 0 }, "a CAA without its tag (decoded the general way)")]
    public async Task Axfr_WithAMalformedRecord_IsMalformedAndBuildsNothing(RecordType type, byte[] rdata, string what)
    {
        var body = Body(20);
        body.Insert(15, new DnsRecord(DnsName.Parse("bad.fake.example."), 300, new UnknownData(type, rdata)));
        await using var primary = FakePrimary.Start(c => c.SendAllAsync(Framed(c.Request, AxfrStream(7, body), perMessage: 10)));

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint), current: null);

        Assert.True(result.Outcome == TransferOutcome.Malformed, $"{what}: {result.Outcome} {result.Error}");
        Assert.Contains("message 2 cannot be decoded", result.Error);
        Assert.Null(result.Built);
    }

    [Fact]
    public async Task AxfrStyleIxfrAnswer_IsBuiltAsItArrives_LikeAnAxfr()
    {
        var body = Body(40);
        await using var primary = FakePrimary.Start(c => c.SendAllAsync(Framed(c.Request, AxfrStream(12, body), perMessage: 9)));

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint), SoaData(10));

        Assert.Equal(TransferOutcome.Axfr, result.Outcome);
        TransferResultRecords.AssertSameRecords([Soa(12), .. body], result.ZoneRecords());
        Assert.Equal(12u, result.Built!.Snapshot!.Serial);
    }
}
