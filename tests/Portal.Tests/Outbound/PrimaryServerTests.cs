using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Portal.DnsListeners;
using SecondaryPortal.Portal.Hosting;
using SecondaryPortal.Portal.Tests.Support;

namespace SecondaryPortal.Portal.Tests.Outbound;

/// <summary>The real server as a primary: transfers allowed by the command line, IXFR after an import, NOTIFY to a secondary.</summary>
public sealed class PrimaryServerTests
{
    private static readonly DnsName Zone = DnsName.Parse("example.com.");

    [Fact]
    public async Task Server_TransfersAZoneOnceAllowed_NotifiesItsSecondary_AndAnswersIxfrAfterAnImport()
    {
        using var temp = new TempDataDirectory();
        using var secondary = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var secondaryEndPoint = (IPEndPoint)secondary.Client.LocalEndPoint!;
        await Support.Cli.RunAsync("zone", "import", "example.com.", temp.WriteFile("a.zone", ZoneTexts.Simple("example.com.", 1, "192.0.2.10")), temp.Override);
        Assert.True((await Support.Cli.RunAsync("zone", "notify-add", "example.com.", secondaryEndPoint.ToString(), temp.Override)).ExitCode == 0);

        await using var app = PortalApplication.Build(["--urls=http://127.0.0.1:0", "--Dns:Listen:0=127.0.0.1:0", temp.Override]);
        await app.StartAsync();
        try
        {
            var tcp = app.Services.GetRequiredService<DnsServerHostedService>().TcpEndpoints[0];
            uint onStart = await ReceiveNotifyAsync(secondary, 1);
            var denied = await TransferAsync(tcp, null);
            // Another process allows the transfer while the server runs; the server applies it within a second or so.
            Assert.True((await Support.Cli.RunAsync("zone", "allow-transfer", "example.com.", "127.0.0.1", temp.Override)).ExitCode == 0);
            var axfr = await UntilAllowedAsync(tcp);
            await Support.Cli.RunAsync("zone", "import", "example.com.", temp.WriteFile("b.zone", ZoneTexts.Simple("example.com.", 2, "192.0.2.11")), temp.Override);
            uint afterImport = await ReceiveNotifyAsync(secondary, 2);
            var ixfr = await TransferAsync(tcp, (SoaData)axfr.Built!.Snapshot!.Soa.Data);

            Assert.Equal(1u, onStart);
            Assert.Equal(TransferOutcome.Refused, denied.Outcome);
            Assert.True(axfr.Outcome == TransferOutcome.Axfr, axfr.Error);
            Assert.Equal(5, axfr.Built!.Snapshot!.RecordCount);
            Assert.Equal(2u, afterImport);
            Assert.True(ixfr.Outcome == TransferOutcome.Ixfr, $"{ixfr.Outcome}: {ixfr.Error} {ixfr.FallbackReason}");
            var diff = Assert.Single(ixfr.Diffs);
            Assert.Equal("192.0.2.10", ((AData)diff.Deleted.Single().Data).Address.ToString());
            Assert.Equal("192.0.2.11", ((AData)diff.Added.Single().Data).Address.ToString());
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static async Task<TransferResult> UntilAllowedAsync(IPEndPoint server)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(5); ; await Task.Delay(100))
        {
            var result = await TransferAsync(server, null);
            if (result.Outcome != TransferOutcome.Refused || DateTime.UtcNow > deadline)
                return result;
        }
    }

    /// <summary>AXFR (or IXFR from <paramref name="current"/>) of the zone.</summary>
    private static async Task<TransferResult> TransferAsync(IPEndPoint server, SoaData? current)
    {
        var client = new ZoneTransferClient(TimeProvider.System, NullLogger<ZoneTransferClient>.Instance);
        return await client.TransferAsync(Zone, new PrimaryServer(server), current);
    }

    /// <summary>
    /// Acknowledges every NOTIFY for the zone until one announces <paramref name="serial"/> (a slow machine may see a
    /// retransmission of an earlier one first), and returns that serial; fails after ten seconds.
    /// </summary>
    private static async Task<uint> ReceiveNotifyAsync(UdpClient secondary, uint serial)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var received = await secondary.ReceiveAsync(timeout.Token);
            var notify = DnsMessage.Parse(received.Buffer);
            var response = new DnsMessage { Id = notify.Id, Opcode = DnsOpcode.Notify, Flags = DnsHeaderFlags.QR | DnsHeaderFlags.AA };
            response.Questions.AddRange(notify.Questions);
            await secondary.SendAsync(response.ToArray(), received.RemoteEndPoint);
            Assert.Equal(Zone, notify.Questions.Single().Name);
            uint announced = ((SoaData)notify.Answers.Single().Data).Serial;
            if (announced == serial)
                return announced;
        }
    }
}
