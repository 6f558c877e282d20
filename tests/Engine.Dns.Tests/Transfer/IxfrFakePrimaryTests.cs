using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Tests.Support;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

using static SecondaryPortal.Dns.Tests.Transfer.FakeZone;

namespace SecondaryPortal.Dns.Tests.Transfer;

/// <summary>IXFR (RFC 1995) from primaries written in the test, and the fallback to AXFR when the IXFR goes wrong.</summary>
public sealed class IxfrFakePrimaryTests
{
    private static readonly List<DnsRecord> ZoneAt10 = Body(20);

    /// <summary>Answers the first connection (the IXFR) with <paramref name="ixfr"/>, and any later one with an AXFR of serial 12.</summary>
    private static FakePrimary StartWithAxfrFallback(Func<FakeTcpConnection, Task> ixfr) => FakePrimary.Start(c =>
        c.Index == 0 ? ixfr(c) : c.SendAllAsync(Framed(c.Request, AxfrStream(12, ZoneAt10))));

    [Fact]
    public async Task Ixfr_WithTwoDiffs_ReturnsThemInOrder_AndTheyApplyToTheZone()
    {
        var removed = ZoneAt10[5];
        var added = A("new", "192.0.2.77");
        var retimed = ZoneAt10[6] with { Ttl = 60 };
        var stream = IxfrStream((10, 11, [removed], [added]), (11, 12, [ZoneAt10[6]], [retimed]));
        await using var primary = FakePrimary.Start(c => c.SendAllAsync(Framed(c.Request, stream, perMessage: 3)));

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint), SoaData(10));

        Assert.Equal(TransferOutcome.Ixfr, result.Outcome);
        Assert.Null(result.FallbackReason);
        Assert.Null(result.Built);
        Assert.Equal([(10u, 11u), (11u, 12u)], result.Diffs.Select(d => (d.OldSerial, d.NewSerial)));
        Assert.Equal([removed], result.Diffs[0].Deleted);
        Assert.Equal([added], result.Diffs[0].Added);
        Assert.Equal(12u, result.Soa!.Serial);
        var request = Assert.Single(primary.Requests);
        Assert.Equal(RecordType.IXFR, request.Question!.Type);
        Assert.Equal(10u, Assert.IsType<SoaData>(Assert.Single(request.Authorities).Data).Serial); // RFC 1995 §3
        Assert.True(ZoneDiff.TryApply([Soa(10), .. ZoneAt10], result.Diffs, out var applied, out string? error), error);
        var expected = new List<DnsRecord>([Soa(12), .. ZoneAt10.Where(r => r != removed && r != ZoneAt10[6]), added, retimed]);
        Assert.Equal(expected, applied);
    }

    [Fact]
    public async Task Ixfr_WhenTheAnswerIsOneSoaWithOurSerial_IsUpToDate()
    {
        await using var primary = FakePrimary.Start(c => c.SendAsync(Reply(c.Request, [Soa(10)]).ToArray()));

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint), SoaData(10));

        Assert.Equal(TransferOutcome.UpToDate, result.Outcome);
        Assert.True(result.IsSuccess);
        Assert.Equal(10u, result.Soa!.Serial);
        Assert.Equal(1, primary.TcpConnections);
    }

    [Theory]
    [InlineData(9u, "older than ours")]
    [InlineData(10u + 0x80000000u, "exactly 2^31 away")]
    public async Task Ixfr_WhenThePrimarysSerialIsNotNewer_IsReportedAndNotApplied(uint serial, string words)
    {
        await using var primary = FakePrimary.Start(c => c.SendAllAsync(Framed(c.Request, AxfrStream(serial, ZoneAt10))));

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint), SoaData(10));

        Assert.Equal(TransferOutcome.PrimaryOlder, result.Outcome);
        Assert.False(result.IsSuccess);
        Assert.Contains(words, result.Error);
        Assert.Equal(serial, result.Soa!.Serial);
        Assert.Null(result.Built);
        Assert.Equal(1, primary.TcpConnections);
    }

    [Fact]
    public async Task Ixfr_AnsweredAxfrStyle_IsTakenAsTheAxfr_OnTheSameConnection()
    {
        await using var primary = FakePrimary.Start(c => c.SendAllAsync(Framed(c.Request, AxfrStream(12, ZoneAt10))));

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint), SoaData(10));

        Assert.Equal(TransferOutcome.Axfr, result.Outcome);
        Assert.Contains("AXFR-style", result.FallbackReason);
        Assert.True(result.FellBackToAxfr);
        TransferResultRecords.AssertSameRecords([Soa(12), .. ZoneAt10], result.ZoneRecords());
        Assert.Equal(1, primary.TcpConnections);
    }

    [Theory]
    [InlineData(DnsRcode.Refused, "REFUSED")]
    [InlineData(DnsRcode.NotImp, "NOTIMP")]
    [InlineData(DnsRcode.FormErr, "FORMERR")]
    [InlineData(DnsRcode.ServFail, "SERVFAIL")]
    public async Task Ixfr_AnsweredWithAnErrorRcode_FallsBackToAxfr(DnsRcode rcode, string rcodeText)
    {
        await using var primary = StartWithAxfrFallback(c => c.SendAsync(Reply(c.Request, [], rcode).ToArray()));

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint), SoaData(10));

        AssertFellBackToAxfr(result, primary, $"answered {rcodeText} to the IXFR");
    }

    [Fact]
    public async Task Ixfr_WhenADiffDoesNotStartWhereTheLastEnded_FallsBackToAxfr()
    {
        var stream = IxfrStream((10, 11, [ZoneAt10[3]], []), (13, 12, [], []));
        await using var primary = StartWithAxfrFallback(c => c.SendAllAsync(Framed(c.Request, stream)));

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint), SoaData(10));

        AssertFellBackToAxfr(result, primary, "diff 2 starts at serial 13, but diff 1 ended at serial 11");
    }

    [Fact]
    public async Task Ixfr_WhenADiffGoesBackwards_FallsBackToAxfr()
    {
        var stream = IxfrStream((10, 9, [], []));
        stream[0] = stream[^1] = Soa(12);
        await using var primary = StartWithAxfrFallback(c => c.SendAllAsync(Framed(c.Request, stream)));

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint), SoaData(10));

        AssertFellBackToAxfr(result, primary, "from serial 10 to serial 9, which is not newer");
    }

    [Fact]
    public async Task Ixfr_WhenTheDiffsEndAndTheAnswerGoesOn_FallsBackToAxfr()
    {
        var stream = IxfrStream((10, 12, [], [])).Take(3).Append(Soa(13)).Append(Soa(12)).ToList();
        await using var primary = StartWithAxfrFallback(c => c.SendAllAsync(Framed(c.Request, stream)));

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint), SoaData(10));

        AssertFellBackToAxfr(result, primary, "the diffs reached the primary's serial 12, but the answer goes on with serial 13");
    }

    [Fact]
    public async Task Ixfr_WhenTheAnswerStartsFromAnotherSerial_FallsBackToAxfr()
    {
        await using var primary = StartWithAxfrFallback(c => c.SendAllAsync(Framed(c.Request, IxfrStream((8, 12, [], [ZoneAt10[0]])))));

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint), SoaData(10));

        AssertFellBackToAxfr(result, primary, "starts from serial 8, but we asked for the changes since serial 10");
    }

    [Fact]
    public async Task Ixfr_WhenThePrimarySendsOnlyANewerSoaAndCloses_FallsBackToAxfr()
    {
        await using var primary = StartWithAxfrFallback(c => c.SendAsync(Reply(c.Request, [Soa(12)]).ToArray()));

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint), SoaData(10));

        AssertFellBackToAxfr(result, primary, "only its SOA (serial 12)");
    }

    [Fact]
    public async Task Ixfr_WhenTheFallbackAxfrFailsToo_ReportsTheAxfrFailureAndWhyItFellBack()
    {
        await using var primary = FakePrimary.Start(c => c.SendAsync(Reply(c.Request, [], DnsRcode.Refused).ToArray()));

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint), SoaData(10));

        Assert.Equal(TransferOutcome.Refused, result.Outcome);
        Assert.Contains("REFUSED to the AXFR", result.Error);
        Assert.Contains("REFUSED to the IXFR", result.FallbackReason);
        Assert.Equal(2, primary.TcpConnections);
        Assert.Equal(2, result.MessageCount);
    }

    [Fact]
    public async Task Ixfr_WhenTheConnectionClosesMidTransfer_IsANetworkErrorWithoutFallback()
    {
        var stream = IxfrStream((10, 11, [ZoneAt10[1]], [A("x", "192.0.2.1")]), (11, 12, [ZoneAt10[2]], []));
        await using var primary = FakePrimary.Start(c => c.SendAllAsync(Framed(c.Request, stream, perMessage: 2).Take(2)));

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint), SoaData(10));

        Assert.Equal(TransferOutcome.NetworkError, result.Outcome);
        Assert.Contains("before the IXFR was complete", result.Error);
        Assert.Empty(result.Diffs);
        Assert.Null(result.FallbackReason);
        Assert.Equal(1, primary.TcpConnections);
    }

    private static void AssertFellBackToAxfr(TransferResult result, FakePrimary primary, string reason)
    {
        Assert.Equal(TransferOutcome.Axfr, result.Outcome);
        Assert.Contains(reason, result.FallbackReason);
        TransferResultRecords.AssertSameRecords([Soa(12), .. ZoneAt10], result.ZoneRecords());
        Assert.Equal(2, primary.TcpConnections);
        Assert.Equal([RecordType.IXFR, RecordType.AXFR], primary.Requests.Select(r => r.Question!.Type));
    }
}
