using SecondaryPortal.Dns.Tests.Support;
using System.Diagnostics;
using System.Net;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Tests.Interop;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Transfer.FakeZone;

namespace SecondaryPortal.Dns.Tests.Transfer;

/// <summary>AXFR (RFC 5936) from primaries written in the test, well-behaved and not.</summary>
public sealed class AxfrFakePrimaryTests
{
    [Fact]
    public async Task Axfr_InSeveralMessages_ReturnsTheWholeZoneWithItsSoaOnce()
    {
        var body = Body(95);
        await using var primary = FakePrimary.Start(c => c.SendAllAsync(Framed(c.Request, AxfrStream(7, body), perMessage: 10)));

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint), current: null);

        Assert.Equal(TransferOutcome.Axfr, result.Outcome);
        Assert.True(result.IsSuccess);
        Assert.Null(result.Error);
        Assert.Null(result.FallbackReason);
        Assert.Equal(Soa(7), result.ZoneRecords()[0]);
        TransferResultRecords.AssertSameRecords([Soa(7), .. body], result.ZoneRecords());
        Assert.Equal(7u, result.Soa!.Serial);
        Assert.Equal(10, result.MessageCount);
        Assert.Equal(body.Count + 2, result.RecordCount);
        Assert.True(result.ByteCount > 0);
        var request = Assert.Single(primary.Requests);
        Assert.Equal(new DnsQuestion(Zone, RecordType.AXFR), request.Question);
    }

    [Fact]
    public async Task Axfr_OfAZoneHoldingOnlyItsSoa_IsComplete()
    {
        await using var primary = FakePrimary.Start(c => c.SendAllAsync(Framed(c.Request, AxfrStream(3, []))));

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint), current: null);

        Assert.Equal(TransferOutcome.Axfr, result.Outcome);
        Assert.Equal(Soa(3), Assert.Single(result.ZoneRecords()));
    }

    [Fact]
    public async Task Axfr_WhenTheConnectionClosesBetweenMessages_IsANetworkErrorWithNothingReturned()
    {
        await using var primary = FakePrimary.Start(c => c.SendAllAsync(Framed(c.Request, AxfrStream(7, Body(50)), perMessage: 10).Take(3)));

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint), current: null);

        Assert.Equal(TransferOutcome.NetworkError, result.Outcome);
        Assert.Contains("closed the connection after 3 message(s)", result.Error);
        Assert.Null(result.Built);
        Assert.Empty(result.Diffs);
    }

    [Fact]
    public async Task Axfr_WhenTheConnectionClosesInsideAMessage_IsANetworkError()
    {
        await using var primary = FakePrimary.Start(async c =>
        {
            var messages = Framed(c.Request, AxfrStream(7, Body(50)), perMessage: 10);
            await c.SendAsync(messages[0]);
            var cut = new byte[2 + 40];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(cut, (ushort)messages[1].Length);
            messages[1].AsSpan(0, 40).CopyTo(cut.AsSpan(2));
            await c.SendRawAsync(cut);
        });

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint), current: null);

        Assert.Equal(TransferOutcome.NetworkError, result.Outcome);
        Assert.Contains("in the middle of a message", result.Error);
        Assert.Null(result.Built);
    }

    [Theory]
    [InlineData(DnsRcode.ServFail, "SERVFAIL", TransferOutcome.ServerError)]
    [InlineData(DnsRcode.Refused, "REFUSED", TransferOutcome.Refused)]
    [InlineData(DnsRcode.NotAuth, "NOTAUTH", TransferOutcome.NotAuthoritative)]
    public async Task Axfr_WhenAMessageMidStreamCarriesAnErrorRcode_FailsWithIt(DnsRcode rcode, string rcodeText, TransferOutcome expected)
    {
        await using var primary = FakePrimary.Start(async c =>
        {
            var messages = Framed(c.Request, AxfrStream(7, Body(50)), perMessage: 10);
            await c.SendAsync(messages[0]);
            await c.SendAsync(Reply(c.Request, [], rcode, withQuestion: false).ToArray());
            await c.SendAllAsync(messages.Skip(1));
        });

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint), current: null);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(rcode, result.Rcode);
        Assert.Contains($"answered in message 2, after 10 records, {rcodeText} to the AXFR", result.Error);
        Assert.Null(result.Built);
    }

    [Fact]
    public async Task Axfr_WhenTheClosingSoaHasAnotherSerial_IsMalformed()
    {
        var stream = AxfrStream(7, Body(20));
        stream[^1] = Soa(8);
        await using var primary = FakePrimary.Start(c => c.SendAllAsync(Framed(c.Request, stream)));

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint), current: null);

        Assert.Equal(TransferOutcome.Malformed, result.Outcome);
        Assert.Contains("serial 8 appears in a transfer that began with serial 7", result.Error);
        Assert.Null(result.Built);
    }

    [Fact]
    public async Task Axfr_WhenTheFirstRecordIsNotTheSoa_IsMalformed()
    {
        await using var primary = FakePrimary.Start(c => c.SendAllAsync(Framed(c.Request, [.. Body(3), Soa(7)])));

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint), current: null);

        Assert.Equal(TransferOutcome.Malformed, result.Outcome);
        Assert.Contains("not the SOA of fake.example.", result.Error);
    }

    [Fact]
    public async Task Axfr_WhenRecordsFollowTheClosingSoa_IsMalformed()
    {
        await using var primary = FakePrimary.Start(c => c.SendAllAsync(Framed(c.Request, [.. AxfrStream(7, Body(3)), A("late", "192.0.2.9")], perMessage: 100)));

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint), current: null);

        Assert.Equal(TransferOutcome.Malformed, result.Outcome);
        Assert.Contains("follows the final SOA", result.Error);
    }

    [Fact]
    public async Task Axfr_WhenAMessageHasAnotherId_IsMalformed()
    {
        await using var primary = FakePrimary.Start(async c =>
        {
            var messages = Framed(c.Request, AxfrStream(7, Body(30)), perMessage: 10);
            messages[1][0] ^= 0xFF;
            await c.SendAllAsync(messages);
        });

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint), current: null);

        Assert.Equal(TransferOutcome.Malformed, result.Outcome);
        Assert.Contains("message 2 has ID", result.Error);
    }

    [Fact]
    public async Task Axfr_WhenTheFirstMessageLacksTheQuestion_IsMalformed()
    {
        await using var primary = FakePrimary.Start(c => c.SendAsync(Reply(c.Request, AxfrStream(7, Body(3)), withQuestion: false).ToArray()));

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint), current: null);

        Assert.Equal(TransferOutcome.Malformed, result.Outcome);
        Assert.Contains("does not carry our question", result.Error);
    }

    [Fact]
    public async Task Axfr_WhenAMessageCannotBeDecoded_IsMalformed()
    {
        await using var primary = FakePrimary.Start(async c =>
        {
            var messages = Framed(c.Request, AxfrStream(7, Body(30)), perMessage: 10);
            await c.SendAsync(messages[0]);
            await c.SendAsync(messages[1][..^3]);
        });

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint), current: null);

        Assert.Equal(TransferOutcome.Malformed, result.Outcome);
        Assert.Contains("message 2 cannot be decoded", result.Error);
    }

    [Fact]
    public async Task Transfer_WhenThePrimaryNeverAnswers_TimesOutAfterTheReadTimeout()
    {
        await using var primary = FakePrimary.Start(c => c.HangAsync());
        var watch = Stopwatch.StartNew();

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint), current: null);

        Assert.Equal(TransferOutcome.Timeout, result.Outcome);
        Assert.Contains("no complete message within 1 s", result.Error);
        Assert.InRange(watch.Elapsed, QuickOptions.ReadTimeout - TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(4)); // timers may fire a tick early
    }

    [Fact]
    public async Task Transfer_WhenAPrimaryTricklesPastTheOverallLimit_TimesOut()
    {
        var options = QuickOptions with { TransferTimeout = TimeSpan.FromMilliseconds(800) };
        await using var primary = FakePrimary.Start(async c =>
        {
            foreach (var message in Framed(c.Request, AxfrStream(7, Body(200)), perMessage: 1))
            {
                await c.SendAsync(message);
                await Task.Delay(100);
            }
        });
        var watch = Stopwatch.StartNew();

        var result = await Client(options).TransferAsync(Zone, new PrimaryServer(primary.EndPoint), current: null);

        Assert.Equal(TransferOutcome.Timeout, result.Outcome);
        Assert.Contains("did not finish within 0.8 s", result.Error);
        Assert.InRange(watch.Elapsed, options.TransferTimeout - TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Transfer_WhenNothingListens_IsANetworkError()
    {
        var closed = new IPEndPoint(IPAddress.Loopback, FreePort.Next());

        var result = await Client().TransferAsync(Zone, new PrimaryServer(closed), current: null);

        Assert.Equal(TransferOutcome.NetworkError, result.Outcome);
        Assert.Contains("refused the connection", result.Error);
    }

    [Theory]
    [InlineData(1000, 100_000, 100_000, "records")]
    [InlineData(100_000, 5, 100_000, "messages")]
    [InlineData(100_000, 100_000, 3000, "octets")]
    public async Task Transfer_PastABound_StopsWithLimitExceeded(long maxRecords, int maxMessages, long maxBytes, string bound)
    {
        var options = QuickOptions with { MaxRecords = maxRecords, MaxMessages = maxMessages, MaxBytes = maxBytes };
        await using var primary = FakePrimary.Start(c => c.SendAllAsync(Framed(c.Request, AxfrStream(7, Body(2000)), perMessage: 50)));

        var result = await Client(options).TransferAsync(Zone, new PrimaryServer(primary.EndPoint), current: null);

        Assert.Equal(TransferOutcome.LimitExceeded, result.Outcome);
        Assert.Contains(bound, result.Error);
        Assert.Null(result.Built);
    }
}
