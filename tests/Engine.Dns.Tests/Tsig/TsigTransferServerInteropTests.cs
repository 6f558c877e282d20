using System.Net;
using System.Net.Sockets;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Tsig;

/// <summary>
/// Our server side of a zone transfer: dig requests a signed AXFR over TCP, our verifier checks the request,
/// and our stream signer signs the answer's messages (RFC 8945 §5.3.1), some left unsigned in between; dig
/// verifies the chain of MACs. (kdig 3.2 is not used here: it prints an AXFR answer without checking the
/// TSIG of its messages, altered ones included, so it would prove nothing.)
/// </summary>
public sealed class TsigTransferServerInteropTests
{
    private const string KeyName = "axfr-key.example.";
    private const string Secret = "c3RyZWFtIHNpZ25lciBpbnRlcm9wIHNlY3JldCE=";
    private static readonly DnsName Zone = DnsName.Parse("example.com.");
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("hmac-sha256", "SSSSSS")]
    [InlineData("hmac-sha256", "SUUSUS")]
    [InlineData("hmac-sha224", "SUSUUS")]
    [InlineData("hmac-md5", "SUUUUS")]
    [InlineData("hmac-sha1", "SSUS")]
    [InlineData("hmac-sha384", "SUS")]
    [InlineData("hmac-sha512", "SUUSUS")]
    public async Task DigVerifiesOurSignedTransfer(string algorithm, string pattern)
    {
        var (verification, exitCode, output) = await TransferAsync(algorithm, pattern, tamperMessage: -1);

        Assert.True(verification.IsOk, verification.ToString());
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("failed", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Couldn't verify", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("WARNING", output);
        Assert.Equal(2, CountMatches(output, @"example\.com\.\s+3600\s+IN\s+SOA"));
        Assert.Equal(pattern.Length * 3, CountMatches(output, @"host\d+\.example\.com\.\s+300\s+IN\s+A"));
    }

    [Theory]
    [InlineData("SSSS", 0)]
    [InlineData("SSSS", 2)]
    [InlineData("SSSS", 3)]
    [InlineData("SUUS", 1)]
    [InlineData("SUUS", 2)]
    public async Task DigRejectsATransferAlteredInTransit(string pattern, int tamperMessage)
    {
        // One octet of one message (an unsigned one where the pattern says U) is changed after signing.
        var (verification, _, output) = await TransferAsync("hmac-sha256", pattern, tamperMessage);

        Assert.True(verification.IsOk, verification.ToString());
        Assert.Contains("Couldn't verify signature: tsig verify failure", output);
    }

    private static async Task<(TsigVerification Verification, int ExitCode, string Output)> TransferAsync(string algorithm, string pattern, int tamperMessage)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var process = ToolProcess.Start("dig", $"@127.0.0.1 -p {port} -y {algorithm}:{KeyName}:{Secret} +tries=1 +time=5 example.com AXFR");

        using var cancel = new CancellationTokenSource(Timeout);
        using var connection = await listener.AcceptTcpClientAsync(cancel.Token);
        var stream = connection.GetStream();
        var requestBytes = await TcpMessageFraming.ReadAsync(stream, cancel.Token) ?? throw new EndOfStreamException();
        var request = DnsMessage.Parse(requestBytes);
        var keyring = new TsigKeyring([TsigKey.Create(KeyName, algorithm, Secret)]);
        var verification = new TsigVerifier(TimeProvider.System).VerifyRequest(requestBytes, request, keyring);
        if (verification.IsOk)
        {
            using var signer = new TsigSigner(TimeProvider.System).CreateStreamSigner(verification);
            for (int i = 0; i < pattern.Length; i++)
            {
                var buffer = new byte[DnsMessage.MaxSize];
                int length = TransferMessage(request, i, pattern.Length).WriteTo(buffer);
                int lastAddressOctet = length - 1;
                if (pattern[i] == 'S')
                    Assert.True(signer.TrySign(buffer, length, out length));
                else
                    signer.AddUnsigned(buffer.AsSpan(0, length));
                if (i == tamperMessage)
                    buffer[lastAddressOctet] ^= 0x01;
                await TcpMessageFraming.WriteAsync(stream, buffer.AsMemory(0, length), cancel.Token);
            }
        }
        var (exitCode, output) = await process.WaitAsync(Timeout);
        return (verification, exitCode, output);
    }

    /// <summary>Message <paramref name="index"/> of <paramref name="count"/>: three A records, the SOA first in the first message and last in the last.</summary>
    private static DnsMessage TransferMessage(DnsMessage request, int index, int count)
    {
        var message = new DnsMessage { Id = request.Id, Flags = DnsHeaderFlags.QR | DnsHeaderFlags.AA };
        message.Questions.AddRange(request.Questions);
        var soa = new DnsRecord(Zone, 3600, new SoaData(DnsName.Parse("ns1.example.com."), DnsName.Parse("hostmaster.example.com."), 2024010101, 7200, 3600, 1209600, 3600));
        if (index == 0)
            message.Answers.Add(soa);
        for (int i = 0; i < 3; i++)
        {
            int host = index * 3 + i;
            message.Answers.Add(new DnsRecord(DnsName.Parse($"host{host}.example.com."), 300, new AData(new IPAddress([192, 0, 2, (byte)host]))));
        }
        if (index == count - 1)
            message.Answers.Add(soa);
        return message;
    }

    private static int CountMatches(string text, string pattern) => System.Text.RegularExpressions.Regex.Matches(text, pattern).Count;
}
