using System.Text;
using Xunit.Abstractions;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Tests.Interop;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Tsig;

/// <summary>
/// Our client side against BIND 9 and Knot as TSIG-protected primaries: a signed SOA query and a signed AXFR
/// whose multi-message answer (RFC 8945 §5.3.1) the stream verifier checks message by message.
/// </summary>
public sealed class TsigPeerInteropTests(ITestOutputHelper output)
{
    private const string Zone = "big.example.";
    private const string KeyName = "transfer-key.example.";
    private const string Secret = "Zm9yIHRoZSB6b25lIHRyYW5zZmVyIHRlc3RzIG9ubHk=";
    private const int TxtRecords = 1500;

    [Theory]
    [InlineData("bind", "hmac-sha256")]
    [InlineData("bind", "hmac-sha224")]
    [InlineData("bind", "hmac-md5")]
    [InlineData("knot", "hmac-sha256")]
    [InlineData("knot", "hmac-sha224")]
    [InlineData("knot", "hmac-sha512")]
    public async Task SignedAxfr_EveryMessageOfTheAnswerVerifies(string peer, string algorithm)
    {
        var key = TsigKey.Create(KeyName, algorithm, Secret);
        await using var server = await StartAsync(peer, algorithm, Secret);
        var signer = new TsigSigner(TimeProvider.System);
        var request = signer.SignRequest(DnsMessage.CreateQuery(DnsName.Parse(Zone), RecordType.AXFR, 0x5A5A), key, out var signedRequest);

        var messages = await server.Client.TransferAsync(request);

        Assert.True(messages.Count > 1, $"the transfer came in {messages.Count} message(s); the zone should need several");
        using var verifier = new TsigStreamVerifier(signedRequest, TimeProvider.System);
        int records = 0, signed = 0;
        foreach (var bytes in messages)
        {
            var message = DnsMessage.Parse(bytes);
            Assert.Equal(DnsRcode.NoError, message.Rcode);
            var result = verifier.Feed(bytes, message);
            Assert.True(result.IsOk, $"message {verifier.MessageCount}: {result}\n{server.Output}");
            records += message.Answers.Count;
            signed += message.Tsig is null ? 0 : 1;
        }
        output.WriteLine($"{peer} {algorithm}: {messages.Count} messages, {signed} signed");
        Assert.True(verifier.Complete().IsOk, verifier.Complete().ToString());
        Assert.Equal(TxtRecords + 4, records); // SOA, NS, A, the TXT records, SOA again
        Assert.True(signed >= (messages.Count + 99) / 100 + 1, $"{signed} of {messages.Count} messages signed");
    }

    [Theory]
    [InlineData("bind", "hmac-sha1")]
    [InlineData("bind", "hmac-sha384")]
    [InlineData("knot", "hmac-md5")]
    [InlineData("knot", "hmac-sha1")]
    public async Task SignedSoaQuery_TheSignedAnswerVerifies(string peer, string algorithm)
    {
        var key = TsigKey.Create(KeyName, algorithm, Secret);
        await using var server = await StartAsync(peer, algorithm, Secret);
        var request = new TsigSigner(TimeProvider.System).SignRequest(DnsMessage.CreateQuery(DnsName.Parse(Zone), RecordType.SOA, 0x1234), key, out var signedRequest);

        var answer = await server.Client.QueryUdpAsync(request);
        var result = new TsigVerifier(TimeProvider.System).VerifyResponse(answer, DnsMessage.Parse(answer), signedRequest);

        Assert.True(result.IsOk, $"{result}\n{server.Output}");
    }

    [Theory]
    [InlineData("bind")]
    [InlineData("knot")]
    public async Task AxfrSignedWithAnotherSecret_ThePeerAnswersBadSig(string peer)
    {
        await using var server = await StartAsync(peer, "hmac-sha256", Secret);
        var wrongKey = TsigKey.Create(KeyName, "hmac-sha256", "bm90IHRoZSBzZWNyZXQgdGhlIHByaW1hcnkgaGFzIQ==");
        var request = new TsigSigner(TimeProvider.System).SignRequest(DnsMessage.CreateQuery(DnsName.Parse(Zone), RecordType.AXFR, 0x6B6B), wrongKey, out var signedRequest);

        var messages = await server.Client.TransferAsync(request);

        var answer = DnsMessage.Parse(messages[0]);
        Assert.Equal(DnsRcode.NotAuth, answer.Rcode);
        using var verifier = new TsigStreamVerifier(signedRequest, TimeProvider.System);
        var result = verifier.Feed(messages[0], answer);
        Assert.Equal(TsigStatus.PeerError, result.Status);
        Assert.Equal(DnsRcode.BadSig, result.Record!.Error);
    }

    private static async Task<ExternalServer> StartAsync(string peer, string algorithm, string secret)
    {
        var key = new InteropKey(KeyName, algorithm, secret);
        string zone = ZoneText();
        return peer == "bind" ? await BindServer.StartAsync(Zone, zone, key) : await KnotServer.StartAsync(Zone, zone, key);
    }

    /// <summary>A zone big enough that a transfer takes several messages (TXT records of 200 octets).</summary>
    private static string ZoneText()
    {
        var text = new StringBuilder($"""
            $ORIGIN {Zone}
            $TTL 300
            @ IN SOA ns1 hostmaster 2024010101 7200 3600 1209600 300
            @ IN NS ns1
            ns1 IN A 192.0.2.53

            """);
        string filler = new('x', 200);
        for (int i = 0; i < TxtRecords; i++)
            text.Append("r").Append(i).Append(" IN TXT \"").Append(filler).Append("\"\n");
        return text.ToString();
    }
}
