using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Tests.Support;
using SecondaryPortal.Portal.DnsListeners;
using SecondaryPortal.Portal.Hosting;
using SecondaryPortal.Portal.Tests.Support;
using Xunit.Abstractions;

namespace SecondaryPortal.Portal.Tests.Hosting;

/// <summary>The real server with a secondary zone managed from the command line while it runs, against a primary written in the test.</summary>
public sealed class SecondaryServerTests(ITestOutputHelper output)
{
    private static readonly DnsName Origin = DnsName.Parse("secondary.example.");

    [Fact]
    public async Task Server_ActsOnZoneAddRefreshAndRemoveFromTheCommandLine_WithinASecond_AndOnNotify()
    {
        using var temp = new TempDataDirectory();
        await using var primary = MiniPrimary.Start(Origin, 1, Hosts("192.0.2.1"));
        await using var app = PortalApplication.Build(["--urls=http://127.0.0.1:0", "--Dns:Listen:0=127.0.0.1:0", temp.Override]);
        await app.StartAsync();
        try
        {
            var udp = app.Services.GetRequiredService<DnsServerHostedService>().UdpEndpoints[0];

            var add = await Support.Cli.RunAsync("zone", "add", "secondary.example.", "--secondary", "--primary", primary.EndPoint.ToString(), temp.Override);
            Assert.True(add.ExitCode == 0, add.ToString());
            var added = Stopwatch.StartNew();
            await WaitForAddressAsync(udp, "192.0.2.1", TimeSpan.FromSeconds(5));
            output.WriteLine($"zone added by the CLI answered after {added.ElapsedMilliseconds} ms");
            Assert.True(added.Elapsed < TimeSpan.FromSeconds(2), $"took {added.ElapsedMilliseconds} ms");

            primary.SetZone(Origin, 2, Hosts("192.0.2.2"));
            var notified = Stopwatch.StartNew();
            var ack = await NotifyAsync(udp);
            await WaitForAddressAsync(udp, "192.0.2.2", TimeSpan.FromSeconds(5));
            output.WriteLine($"NOTIFY to answered: {notified.Elapsed.TotalMilliseconds:F1} ms");
            Assert.Equal(DnsRcode.NoError, ack.Rcode);

            primary.SetZone(Origin, 3, Hosts("192.0.2.3"));
            var refresh = await Support.Cli.RunAsync("zone", "refresh", "secondary.example.", temp.Override);
            Assert.True(refresh.ExitCode == 0, refresh.ToString());
            var refreshed = Stopwatch.StartNew();
            await WaitForAddressAsync(udp, "192.0.2.3", TimeSpan.FromSeconds(5));
            Assert.True(refreshed.Elapsed < TimeSpan.FromSeconds(2), $"took {refreshed.ElapsedMilliseconds} ms");

            var status = await Support.Cli.RunAsync("zone", "status", "secondary.example.", temp.Override);
            Assert.Contains("status:         active", status.Output, StringComparison.Ordinal);
            Assert.Contains("serial served:  3", status.Output, StringComparison.Ordinal);

            var remove = await Support.Cli.RunAsync("zone", "remove", "secondary.example.", temp.Override);
            Assert.True(remove.ExitCode == 0, remove.ToString());
            await WaitUntilAsync(async () => (await DnsProbe.QueryUdpAsync(udp, "www.secondary.example.", RecordType.A)).Rcode == DnsRcode.Refused, TimeSpan.FromSeconds(3));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static IEnumerable<DnsRecord> Hosts(string address)
    {
        yield return new DnsRecord(Origin, 3600, new NsData(DnsName.Parse("ns1", Origin)));
        yield return new DnsRecord(DnsName.Parse("ns1", Origin), 3600, new AData(IPAddress.Parse("192.0.2.53")));
        yield return new DnsRecord(DnsName.Parse("www", Origin), 300, new AData(IPAddress.Parse(address)));
    }

    private static async Task<DnsMessage> NotifyAsync(IPEndPoint server)
    {
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await client.SendAsync(NotifyMessage.CreateRequest(Origin, 0x5151).ToArray(), server);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        return DnsMessage.Parse((await client.ReceiveAsync(cancel.Token)).Buffer);
    }

    private static Task WaitForAddressAsync(IPEndPoint server, string address, TimeSpan timeout) =>
        WaitUntilAsync(async () =>
        {
            var answer = await DnsProbe.QueryUdpAsync(server, "www.secondary.example.", RecordType.A);
            return answer.Answers.Count == 1 && answer.Answers[0].Data is AData a && a.Address.Equals(IPAddress.Parse(address));
        }, timeout);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not true within {timeout.TotalSeconds} s");
            await Task.Delay(10);
        }
    }
}
