using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Probing;
using SecondaryPortal.Engine.Tests.Support;
using SecondaryPortal.Engine.Tests.Support.Peers;

namespace SecondaryPortal.Engine.Tests.Probing;

/// <summary>The wizard's primary check against real BIND 9 and Knot primaries on loopback, a closed port and a silent one.</summary>
public sealed class PrimaryCheckTests
{
    private const string Zone = "check.example.";
    private static readonly DnsName Origin = DnsName.Parse(Zone);
    private static readonly InteropKey Key = new("check-key.", "hmac-sha256", "c2VjcmV0IG9mIHRoZSBwcmltYXJ5IGNoZWNrIHRlc3Rz");
    private static readonly TsigKey RightKey = TsigKey.Create(Key.Name, Key.Algorithm, Key.SecretBase64);
    private static readonly TsigKey WrongSecret = TsigKey.Create(Key.Name, Key.Algorithm, Convert.ToBase64String(new byte[32]));
    private static readonly TsigKey UnknownKey = TsigKey.Create("unknown-key.", Key.Algorithm, Key.SecretBase64);

    private const string ZoneText = """
        $TTL 300
        @ IN SOA ns1 hostmaster 2024061501 7200 900 1209600 300
        @ IN NS ns1
        ns1 IN A 192.0.2.1
        www IN A 192.0.2.80
        """;

    [Theory]
    [InlineData("bind")]
    [InlineData("knot")]
    public async Task Check_WithTheRightKey_IsOkWithTheSerial(string peer)
    {
        await using var primary = await StartAsync(peer);
        var result = await Check().CheckAsync(Origin, primary.EndPoint, RightKey);
        Assert.True(result.IsOk, $"{result.Outcome}: {result.Message} ({result.Detail})\n{primary.Output}");
        Assert.Equal(2024061501u, result.Serial);
        Assert.Contains("2024061501", result.Message);
        Assert.Equal(RightKey.Name, result.KeyName);
        Assert.Contains("allows us to transfer it", result.Message);
    }

    [Fact]
    public async Task Check_OfABindPrimaryThatAnswersTheSoaButRefusesTransfers_IsTransferRefusedWithTheFix()
    {
        await using var primary = await BindPrimary.StartAsync(Zone, ZoneText, FreePort.Next(), allowTransfer: "none;");
        var result = await Check().CheckAsync(Origin, primary.EndPoint, key: null, transferSource: IPAddress.Parse("198.51.100.7"));
        Assert.True(result.Outcome == PrimaryCheckOutcome.TransferRefused, $"{result.Outcome}: {result.Message} ({result.Detail})\n{primary.Output}");
        Assert.False(result.IsOk);
        Assert.Null(result.Serial);
        Assert.Contains("REFUSED the zone transfer", result.Message);
        Assert.Contains("allow transfers to 198.51.100.7 in your primary's allow-transfer / acl", result.Message);
        Assert.Contains("REFUSED", result.Detail);
    }

    [Theory]
    [InlineData("bind")]
    [InlineData("knot")]
    public async Task Check_WithoutTheKeyThePrimaryRequiresForTransfers_SaysThePrimaryWantsAKey(string peer)
    {
        await using var primary = await StartAsync(peer); // transfers only signed with check-key.; queries from anyone
        var result = await Check().CheckAsync(Origin, primary.EndPoint, key: null, transferSource: IPAddress.Loopback);
        // BIND answers an unsigned transfer it wants signed with REFUSED, as for an address it does not allow (nothing on
        // the wire tells the two apart), Knot with NOTAUTH; both messages name the key as the fix.
        Assert.True(result.Outcome is PrimaryCheckOutcome.TransferRefused or PrimaryCheckOutcome.KeyRequired,
            $"{result.Outcome}: {result.Message} ({result.Detail})\n{primary.Output}");
        Assert.Contains("the primary wants", result.Message);
        Assert.Contains("add the key it uses", result.Message);
    }

    [Fact]
    public async Task Check_OfAPrimaryAnsweringTheIxfrWithTheWholeZone_IsOkAfterOneTransferRequest()
    {
        // MiniPrimary answers every IXFR AXFR-style (RFC 1995 §4): the probe takes the first message and hangs up.
        await using var mini = MiniPrimary.Start(Origin, 7, []);
        var result = await Check().CheckAsync(Origin, mini.EndPoint, key: null, transferSource: IPAddress.Loopback);
        Assert.True(result.IsOk, $"{result.Outcome}: {result.Message} ({result.Detail})");
        Assert.Equal(7u, result.Serial);
        Assert.Equal(1, mini.Transfers);
        Assert.Equal(0, mini.AxfrRequests);
    }

    [Theory]
    [InlineData("bind")]
    [InlineData("knot")]
    public async Task Check_WithAWrongSecret_IsBadSig(string peer)
    {
        await using var primary = await StartAsync(peer);
        var result = await Check().CheckAsync(Origin, primary.EndPoint, WrongSecret);
        Assert.True(result.Outcome == PrimaryCheckOutcome.BadSig, $"{result.Outcome}: {result.Detail}\n{primary.Output}");
        Assert.StartsWith("BADSIG:", result.Message);
        Assert.Null(result.Serial);
    }

    [Theory]
    [InlineData("bind")]
    [InlineData("knot")]
    public async Task Check_WithAKeyThePrimaryDoesNotKnow_IsBadKey(string peer)
    {
        await using var primary = await StartAsync(peer);
        var result = await Check().CheckAsync(Origin, primary.EndPoint, UnknownKey);
        Assert.True(result.Outcome == PrimaryCheckOutcome.BadKey, $"{result.Outcome}: {result.Detail}\n{primary.Output}");
        Assert.Contains("unknown-key.", result.Message);
    }

    [Theory]
    [InlineData("bind")]
    [InlineData("knot")]
    public async Task Check_WithAClockAnHourOff_IsBadTime(string peer)
    {
        await using var primary = await StartAsync(peer);
        var check = new PrimaryCheck(new OffsetTimeProvider(TimeSpan.FromHours(1)), NullLogger<Dns.Transfer.ZoneTransferClient>.Instance,
            NullLogger<PrimaryCheck>.Instance, ShortTimeouts);
        var result = await check.CheckAsync(Origin, primary.EndPoint, RightKey);
        Assert.True(result.Outcome == PrimaryCheckOutcome.BadTime, $"{result.Outcome}: {result.Detail}\n{primary.Output}");
        Assert.StartsWith("BADTIME:", result.Message);
    }

    [Theory]
    [InlineData("bind")]
    [InlineData("knot")]
    public async Task Check_OfAZoneThePrimaryDoesNotServe_SaysSo(string peer)
    {
        await using var primary = await StartAsync(peer);
        var result = await Check().CheckAsync(DnsName.Parse("other.example."), primary.EndPoint, RightKey);
        Assert.True(result.Outcome is PrimaryCheckOutcome.Refused or PrimaryCheckOutcome.NotAuth or PrimaryCheckOutcome.NotAuthoritative,
            $"{result.Outcome}: {result.Detail}\n{primary.Output}");
        Assert.Contains("other.example.", result.Message);
    }

    [Fact]
    public async Task Check_OfAClosedPort_IsConnectionRefused()
    {
        var closed = new IPEndPoint(IPAddress.Loopback, FreePort.Next());
        var result = await Check().CheckAsync(Origin, closed, key: null);
        Assert.Equal(PrimaryCheckOutcome.ConnectionRefused, result.Outcome);
        Assert.Contains("refused the connection", result.Message);
    }

    [Fact]
    public async Task Check_OfASilentPort_TimesOut()
    {
        int port = FreePort.Next();
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port)); // receives and never answers
        var tcp = new TcpListener(IPAddress.Loopback, port); // the kernel accepts; nobody reads
        tcp.Start();
        try
        {
            var result = await Check().CheckAsync(Origin, new IPEndPoint(IPAddress.Loopback, port), RightKey);
            Assert.Equal(PrimaryCheckOutcome.Timeout, result.Outcome);
            Assert.StartsWith("No answer from", result.Message);
        }
        finally
        {
            tcp.Stop();
        }
    }

    [Fact]
    public async Task Check_OfAnUnsignedPrimaryAnsweringWithoutAuthority_IsNotAuthoritative()
    {
        // MiniPrimary answers any name with its SOA; asking for a name below its zone gets no SOA owned by that name.
        await using var mini = MiniPrimary.Start(Origin, 7, []);
        var result = await Check().CheckAsync(DnsName.Parse("sub.check.example."), mini.EndPoint, key: null);
        Assert.True(result.Outcome is PrimaryCheckOutcome.NotAuthoritative or PrimaryCheckOutcome.Refused or PrimaryCheckOutcome.NotAuth,
            $"{result.Outcome}: {result.Detail}");
        Assert.False(result.IsOk);
    }

    private static readonly PrimaryCheckOptions ShortTimeouts = new()
    {
        UdpTimeout = TimeSpan.FromMilliseconds(300),
        UdpAttempts = 1,
        ConnectTimeout = TimeSpan.FromMilliseconds(500),
        ReadTimeout = TimeSpan.FromMilliseconds(500),
    };

    private static PrimaryCheck Check() =>
        new(TimeProvider.System, NullLogger<Dns.Transfer.ZoneTransferClient>.Instance, NullLogger<PrimaryCheck>.Instance, ShortTimeouts with
        {
            UdpTimeout = TimeSpan.FromSeconds(1), // long enough for a loaded machine; the silent port waits this once
            ReadTimeout = TimeSpan.FromSeconds(1),
        });

    private static async Task<PeerServer> StartAsync(string peer) => peer == "bind"
        ? await BindPrimary.StartAsync(Zone, ZoneText, FreePort.Next(), Key)
        : await KnotPrimary.StartAsync(Zone, ZoneText, FreePort.Next(), Key);

    /// <summary>The system clock shifted by an offset: TSIG signs with a time the primary finds outside its fudge.</summary>
    private sealed class OffsetTimeProvider(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
    }
}
