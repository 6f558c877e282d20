using System.Net;
using System.Net.Sockets;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Tsig;

/// <summary>
/// dig (BIND 9) and kdig (Knot) sign a query with -y; our server-side verifier checks it, our signer signs
/// the answer, and the tool checks our TSIG. Both directions are checked with the real implementations.
/// </summary>
public sealed class TsigToolInteropTests
{
    private const string KeyName = "interop-key.example.";
    private const string Secret = "K2tf3TRrS6BTb2WrSVwmhvxKjnPWXO1mjlfpsDtFHNE=";
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(20);

    /// <summary>How dig ("Couldn't verify signature: tsig verify failure") and kdig ("failed to verify TSIG") report a TSIG they reject.</summary>
    private const string ToolRejection = "(Couldn't verify signature|failed to verify TSIG)";

    public static TheoryData<string, string> ToolsAndAlgorithms => new()
    {
        { "dig", "hmac-md5" }, { "dig", "hmac-sha1" }, { "dig", "hmac-sha224" }, { "dig", "hmac-sha256" }, { "dig", "hmac-sha384" }, { "dig", "hmac-sha512" },
        { "kdig", "hmac-md5" }, { "kdig", "hmac-sha1" }, { "kdig", "hmac-sha224" }, { "kdig", "hmac-sha256" }, { "kdig", "hmac-sha384" }, { "kdig", "hmac-sha512" },
    };

    [Theory]
    [MemberData(nameof(ToolsAndAlgorithms))]
    public async Task ToolSignedQuery_VerifiesHere_AndOurSignedAnswerVerifiesThere(string tool, string algorithm)
    {
        var (verification, exitCode, output) = await ExchangeAsync(tool, algorithm, Secret, tamperMac: false);

        Assert.True(verification.IsOk, verification.ToString());
        Assert.True(exitCode == 0, output);
        Assert.Contains("status: NOERROR", output);
        Assert.Contains("TSIG PSEUDOSECTION", output);
        Assert.Matches(@"example\.com\.\s+3600\s+IN\s+SOA\s+ns1\.example\.com\.", output);
        AssertNoTsigComplaint(output);
    }

    [Theory]
    [InlineData("dig", "hmac-sha256")]
    [InlineData("kdig", "hmac-sha256")]
    [InlineData("dig", "hmac-sha224")]
    [InlineData("kdig", "hmac-sha224")]
    public async Task OurWrongSecret_IsBadSigHere_AndTheToolReportsTheFailure(string tool, string algorithm)
    {
        var (verification, _, output) = await ExchangeAsync(tool, algorithm, "d3Jvbmcgc2VjcmV0IG9uIG91ciBzaWRl", tamperMac: false);

        Assert.Equal(TsigStatus.BadSig, verification.Status);
        // dig prints "status: NOTAUTH" and the TSIG error; kdig shows the TSIG error as the status.
        Assert.Matches(@"status: (NOTAUTH|BADSIG)", output);
        Assert.Matches(@"TSIG\s+hmac-\S+ \d+ 300 0 \d+ BADSIG 0", output);
        Assert.Matches(ToolRejection, output);
    }

    [Theory]
    [InlineData("dig", "hmac-sha256")]
    [InlineData("kdig", "hmac-sha256")]
    [InlineData("dig", "hmac-md5")]
    [InlineData("kdig", "hmac-sha512")]
    public async Task AnswerMacAlteredInTransit_TheToolRejectsIt(string tool, string algorithm)
    {
        var (verification, _, output) = await ExchangeAsync(tool, algorithm, Secret, tamperMac: true);

        Assert.True(verification.IsOk, verification.ToString());
        Assert.Matches(ToolRejection, output);
    }

    private static void AssertNoTsigComplaint(string output)
    {
        Assert.DoesNotContain("tsig verify failure", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expected a TSIG", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Couldn't verify", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("failed to verify", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("WARNING", output);
    }

    /// <summary>
    /// Runs the tool against a one-shot UDP server on loopback that checks the query with a key holding
    /// <paramref name="ourSecret"/> and answers as RFC 8945 §5.3 says (a SOA answer, or the TSIG error response).
    /// </summary>
    private static async Task<(TsigVerification Verification, int ExitCode, string Output)> ExchangeAsync(string tool, string algorithm, string ourSecret, bool tamperMac)
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
        string options = tool == "dig" ? "+norecurse +tries=1 +time=3" : "+norecurse +retry=0 +time=3";
        await using var process = ToolProcess.Start(tool, $"@127.0.0.1 -p {port} -y {algorithm}:{KeyName}:{Secret} {options} example.com SOA");

        using var cancel = new CancellationTokenSource(ToolTimeout);
        var received = await udp.ReceiveAsync(cancel.Token);
        var query = DnsMessage.Parse(received.Buffer);
        var keyring = new TsigKeyring([TsigKey.Create(KeyName, algorithm, ourSecret)]);
        var verification = new TsigVerifier(TimeProvider.System).VerifyRequest(received.Buffer, query, keyring);
        var response = verification.IsOk ? Answer(query) : TsigErrorResponse.Create(query, verification);
        var bytes = new TsigSigner(TimeProvider.System).SignResponse(response, verification);
        if (tamperMac)
            bytes[^7] ^= 0x01; // the MAC's last octet: original ID, error and other length (all 2 octets) follow it
        await udp.SendAsync(bytes, received.RemoteEndPoint, cancel.Token);

        var (exitCode, output) = await process.WaitAsync(ToolTimeout);
        return (verification, exitCode, output);
    }

    private static DnsMessage Answer(DnsMessage query)
    {
        var response = new DnsMessage
        {
            Id = query.Id,
            Flags = DnsHeaderFlags.QR | DnsHeaderFlags.AA | (query.Flags & DnsHeaderFlags.RD),
            Edns = query.Edns is null ? null : new Edns(),
        };
        response.Questions.AddRange(query.Questions);
        var zone = DnsName.Parse("example.com.");
        response.Answers.Add(new DnsRecord(zone, 3600, new SoaData(DnsName.Parse("ns1.example.com."), DnsName.Parse("hostmaster.example.com."), 2024010101, 7200, 3600, 1209600, 3600)));
        return response;
    }
}
