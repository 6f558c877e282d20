using System.Diagnostics;
using System.Net;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Tests.Interop;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Transfer.FakeZone;

namespace SecondaryPortal.Dns.Tests.Transfer;

/// <summary>SOA queries (UDP with retries, then TCP) against primaries written in the test.</summary>
public sealed class SoaQueryFakePrimaryTests
{
    private static readonly ZoneTransferClientOptions UdpOnly = QuickOptions with { SoaTcpFallback = false };

    /// <summary>For answers that come at once: a timeout no busy machine reaches, so no retransmission muddles the count.</summary>
    private static readonly ZoneTransferClientOptions Patient = QuickOptions with { UdpTimeout = TimeSpan.FromSeconds(5) };

    private static byte[] Answer(byte[] request, Action<DnsMessage>? change = null)
    {
        var reply = Reply(DnsMessage.Parse(request), [Soa(42)]);
        change?.Invoke(reply);
        return reply.ToArray();
    }

    [Fact]
    public async Task QuerySoa_ReturnsTheSerialOfAnAuthoritativeAnswer()
    {
        await using var primary = FakePrimary.Start(onUdp: (request, _) => [Answer(request)]);

        var result = await Client().QuerySoaAsync(Zone, new PrimaryServer(primary.EndPoint));

        Assert.Equal(SoaQueryOutcome.Ok, result.Outcome);
        Assert.True(result.IsOk);
        Assert.Equal(42u, result.Soa!.Serial);
        Assert.Equal(DnsTransport.Udp, result.Transport);
        Assert.Equal(DnsRcode.NoError, result.Rcode);
        Assert.Null(result.Error);
        var request = Assert.Single(primary.Requests);
        Assert.Equal(new DnsQuestion(Zone, RecordType.SOA), request.Question);
        Assert.NotNull(request.Edns);
    }

    [Fact]
    public async Task QuerySoa_IgnoresAnswersWithAnotherIdOrQuestion_AndTakesTheOneThatMatches()
    {
        await using var primary = FakePrimary.Start(onUdp: (request, _) =>
        [
            Answer(request, m => m.Id ^= 0x5555),
            Answer(request, m => m.Questions[0] = new DnsQuestion(DnsName.Parse("other.example."), RecordType.SOA)),
            Answer(request, m => m.Questions[0] = new DnsQuestion(Zone, RecordType.A)),
            Answer(request, m => m.Flags &= ~DnsHeaderFlags.QR),
            Answer(request, m => m.Answers[0] = Soa(666) with { }),
        ]);

        var result = await Client(Patient).QuerySoaAsync(Zone, new PrimaryServer(primary.EndPoint));

        Assert.Equal(SoaQueryOutcome.Ok, result.Outcome);
        Assert.Equal(666u, result.Soa!.Serial);
        Assert.Equal(1, primary.Datagrams);
    }

    [Fact]
    public async Task QuerySoa_WhenOnlyAnswersWithAnotherIdArrive_TimesOut()
    {
        await using var primary = FakePrimary.Start(onUdp: (request, _) => [Answer(request, m => m.Id ^= 1)]);

        var result = await Client(UdpOnly).QuerySoaAsync(Zone, new PrimaryServer(primary.EndPoint));

        Assert.Equal(SoaQueryOutcome.Timeout, result.Outcome);
        Assert.Equal(3, primary.Datagrams);
    }

    [Fact]
    public async Task QuerySoa_WhenThePrimaryNeverAnswers_RetriesThenTimesOutWithinASecond()
    {
        await using var primary = FakePrimary.Start(onUdp: (_, _) => []);
        var watch = Stopwatch.StartNew();

        var result = await Client(UdpOnly).QuerySoaAsync(Zone, new PrimaryServer(primary.EndPoint));

        Assert.Equal(SoaQueryOutcome.Timeout, result.Outcome);
        Assert.Contains("after 3 attempt(s) of 0.2 s", result.Error);
        Assert.Equal(3, primary.Datagrams);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(550), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task QuerySoa_WhenOnlyTheSecondDatagramIsAnswered_Succeeds()
    {
        await using var primary = FakePrimary.Start(onUdp: (request, index) => index == 1 ? [Answer(request)] : []);

        var result = await Client(UdpOnly with { UdpTimeout = TimeSpan.FromMilliseconds(500) }).QuerySoaAsync(Zone, new PrimaryServer(primary.EndPoint));

        Assert.Equal(SoaQueryOutcome.Ok, result.Outcome);
        Assert.Equal(2, primary.Datagrams);
    }

    [Fact]
    public async Task QuerySoa_WhenUdpGoesUnanswered_AsksOverTcp()
    {
        await using var primary = FakePrimary.Start(
            onTcp: c => c.SendAsync(Answer(c.RequestBytes)),
            onUdp: (_, _) => []);

        var result = await Client().QuerySoaAsync(Zone, new PrimaryServer(primary.EndPoint));

        Assert.Equal(SoaQueryOutcome.Ok, result.Outcome);
        Assert.Equal(DnsTransport.Tcp, result.Transport);
        Assert.Equal(1, primary.TcpConnections);
    }

    [Fact]
    public async Task QuerySoa_WhenNeitherUdpNorTcpAnswers_TimesOutAndSaysBoth()
    {
        await using var primary = FakePrimary.Start(onTcp: c => c.HangAsync(), onUdp: (_, _) => []);

        var result = await Client().QuerySoaAsync(Zone, new PrimaryServer(primary.EndPoint));

        Assert.Equal(SoaQueryOutcome.Timeout, result.Outcome);
        Assert.Contains("no answer over UDP", result.Error);
        Assert.Contains("then over TCP: no complete message within 1 s", result.Error);
    }

    [Fact]
    public async Task QuerySoa_WhenTheUdpAnswerIsTruncated_RetriesOverTcp()
    {
        await using var primary = FakePrimary.Start(
            onTcp: c => c.SendAsync(Answer(c.RequestBytes)),
            onUdp: (request, _) => [Answer(request, m => { m.Flags |= DnsHeaderFlags.TC; m.Answers.Clear(); })]);

        var result = await Client(Patient).QuerySoaAsync(Zone, new PrimaryServer(primary.EndPoint));

        Assert.Equal(SoaQueryOutcome.Ok, result.Outcome);
        Assert.Equal(DnsTransport.Tcp, result.Transport);
        Assert.Equal(1, primary.Datagrams);
    }

    [Fact]
    public async Task QuerySoa_WhenTheTcpAnswerHasAnotherId_IsMalformed()
    {
        await using var primary = FakePrimary.Start(
            onTcp: c => c.SendAsync(Answer(c.RequestBytes, m => m.Id ^= 1)),
            onUdp: (request, _) => [Answer(request, m => m.Flags |= DnsHeaderFlags.TC)]);

        var result = await Client().QuerySoaAsync(Zone, new PrimaryServer(primary.EndPoint));

        Assert.Equal(SoaQueryOutcome.Malformed, result.Outcome);
        Assert.Contains("is not for our query", result.Error);
    }

    [Theory]
    [InlineData(DnsRcode.Refused, SoaQueryOutcome.Refused, "REFUSED")]
    [InlineData(DnsRcode.NotAuth, SoaQueryOutcome.NotAuthoritative, "NOTAUTH")]
    [InlineData(DnsRcode.ServFail, SoaQueryOutcome.ServerError, "SERVFAIL")]
    [InlineData(DnsRcode.NXDomain, SoaQueryOutcome.ServerError, "NXDOMAIN")]
    public async Task QuerySoa_WhenTheAnswerCarriesAnErrorRcode_ReportsIt(DnsRcode rcode, SoaQueryOutcome expected, string words)
    {
        await using var primary = FakePrimary.Start(onUdp: (request, _) => [Answer(request, m => { m.Rcode = rcode; m.Answers.Clear(); })]);

        var result = await Client().QuerySoaAsync(Zone, new PrimaryServer(primary.EndPoint));

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(rcode, result.Rcode);
        Assert.Contains($"answered {words}", result.Error);
        Assert.Null(result.Soa);
    }

    [Fact]
    public async Task QuerySoa_WhenTheAnswerIsNotAuthoritative_SaysSo()
    {
        await using var primary = FakePrimary.Start(onUdp: (request, _) => [Answer(request, m => m.Flags &= ~DnsHeaderFlags.AA)]);

        var result = await Client().QuerySoaAsync(Zone, new PrimaryServer(primary.EndPoint));

        Assert.Equal(SoaQueryOutcome.NotAuthoritative, result.Outcome);
        Assert.Contains("AA is not set", result.Error);
    }

    [Fact]
    public async Task QuerySoa_WhenTheAnswerHoldsNoSoaOfTheZone_IsNotAuthoritative()
    {
        await using var primary = FakePrimary.Start(onUdp: (request, _) => [Answer(request, m => m.Answers[0] = A("www", "192.0.2.1"))]);

        var result = await Client().QuerySoaAsync(Zone, new PrimaryServer(primary.EndPoint));

        Assert.Equal(SoaQueryOutcome.NotAuthoritative, result.Outcome);
        Assert.Contains("no SOA of fake.example.", result.Error);
    }

    [Fact]
    public async Task QuerySoa_WhenTheOnlyAnswerCannotBeDecoded_IsMalformed()
    {
        await using var primary = FakePrimary.Start(onUdp: (request, _) => [Answer(request)[..^2]]);

        var result = await Client(UdpOnly).QuerySoaAsync(Zone, new PrimaryServer(primary.EndPoint));

        Assert.Equal(SoaQueryOutcome.Malformed, result.Outcome);
        Assert.Contains("cannot be decoded", result.Error);
    }

    [Fact]
    public async Task QuerySoa_WhenNothingListens_FailsQuickly()
    {
        var closed = new IPEndPoint(IPAddress.Loopback, FreePort.Next());
        var watch = Stopwatch.StartNew();

        var result = await Client().QuerySoaAsync(Zone, new PrimaryServer(closed));

        Assert.Equal(SoaQueryOutcome.NetworkError, result.Outcome);
        Assert.Contains("refused", result.Error);
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
    }
}
