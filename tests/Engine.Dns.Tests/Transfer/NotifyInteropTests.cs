using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Outbound;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Tests.Interop;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Transfer;

/// <summary>Our NOTIFY sent to BIND 9 as the secondary of a zone whose primary is Knot: BIND acknowledges it and refreshes at once.</summary>
public sealed class NotifyInteropTests
{
    private static readonly DnsName Zone = DnsName.Parse(PeerServersFixture.Zone);

    [Fact]
    public async Task Notify_ToBindAsSecondary_IsAcknowledged_AndBindTransfersTheChange()
    {
        await using var primary = await KnotServer.StartAsync(PeerServersFixture.Zone, PeerServersFixture.ZoneText);
        await using var secondary = await BindServer.StartSecondaryAsync(PeerServersFixture.Zone, primary.Port);
        var (exitCode, output) = await ExternalServer.RunToolAsync("nsupdate", "",
            $"server 127.0.0.1 {primary.Port}\nzone {PeerServersFixture.Zone}\nupdate add notified.interop.example. 300 IN A 192.0.2.123\nsend\n");
        Assert.True(exitCode == 0, output);
        var client = new ZoneTransferClient(TimeProvider.System, NullLogger<ZoneTransferClient>.Instance);
        var soa = await client.QuerySoaAsync(Zone, new PrimaryServer(new IPEndPoint(IPAddress.Loopback, primary.Port)));
        Assert.True(soa.IsOk, soa.Error);

        var result = await new NotifySender(TimeProvider.System, NullLogger<NotifySender>.Instance)
            .SendAsync(Zone, new DnsRecord(Zone, 3600, soa.Soa!), new NotifyTarget(new IPEndPoint(IPAddress.Loopback, secondary.Port)));

        Assert.True(result.IsAcknowledged, $"{result.Outcome}: {result.Error}\n{secondary.Output}");
        // The zone's refresh interval is two hours: only the NOTIFY makes BIND fetch the change this soon.
        Assert.True(await AnswersAsync(secondary, "notified.interop.example."), $"BIND did not pick up the change\n{secondary.Output}");
        Assert.Contains("received notify for zone 'interop.example'", secondary.Output);
    }

    [Fact]
    public async Task Notify_ForAZoneBindDoesNotHold_IsNotAcknowledged()
    {
        await using var primary = await KnotServer.StartAsync(PeerServersFixture.Zone, PeerServersFixture.ZoneText);
        await using var secondary = await BindServer.StartSecondaryAsync(PeerServersFixture.Zone, primary.Port);
        var sender = new NotifySender(TimeProvider.System, NullLogger<NotifySender>.Instance);

        var result = await sender.SendAsync(DnsName.Parse("elsewhere.example."), null, new NotifyTarget(new IPEndPoint(IPAddress.Loopback, secondary.Port)));

        Assert.Equal(NotifyOutcome.NotAuthoritative, result.Outcome);
        Assert.Equal(DnsRcode.NotAuth, result.Rcode);
    }

    private static async Task<bool> AnswersAsync(ExternalServer server, string name)
    {
        var query = DnsMessage.CreateQuery(DnsName.Parse(name), RecordType.A, 0x7777).ToArray();
        for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline; await Task.Delay(50))
        {
            var answer = DnsMessage.Parse(await server.Client.QueryUdpAsync(query));
            if (answer.Rcode == DnsRcode.NoError && answer.Answers.Count > 0)
                return true;
        }
        return false;
    }
}
