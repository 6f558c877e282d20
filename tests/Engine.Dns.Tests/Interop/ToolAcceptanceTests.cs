using System.Net;
using System.Net.Sockets;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Tests.Messages;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Interop;

/// <summary>dig and kdig parse responses built by our encoder without complaint.</summary>
public sealed class ToolAcceptanceTests
{
    [Theory]
    [InlineData("dig", "+norecurse +tries=1 +time=3")]
    [InlineData("kdig", "+norecurse +retry=0 +time=3")]
    public async Task Tools_AcceptOurResponse(string tool, string options)
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
        var answering = AnswerOnceAsync(udp);

        var (exitCode, output) = await ExternalServer.RunToolAsync(tool, $"@127.0.0.1 -p {port} {options} www.example.com A");
        await answering;

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("malformed", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Warning", output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("NOERROR", output);
        Assert.Matches(@"www\.example\.com\.\s+300\s+IN\s+CNAME\s+web\.example\.com\.", output);
        Assert.Matches(@"web\.example\.com\.\s+300\s+IN\s+A\s+192\.0\.2\.1", output);
        Assert.Matches(@"ns1\.example\.com\.\s+3600\s+IN\s+AAAA\s+2001:db8::53", output);
        Assert.Contains("\"second \\\"quoted\\\" string\"", output);
    }

    private static async Task AnswerOnceAsync(UdpClient udp)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var request = await udp.ReceiveAsync(cancel.Token);
        var query = DnsMessage.Parse(request.Buffer);
        var response = DnsMessageTests.BuildResponse();
        response.Id = query.Id;
        response.Flags |= query.Flags & DnsHeaderFlags.RD;
        response.Edns = query.Edns is null ? null : new Edns { UdpPayloadSize = 1232 };
        await udp.SendAsync(response.ToArray(), request.RemoteEndPoint, cancel.Token);
    }
}
