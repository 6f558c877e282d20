using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Outbound;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Tests.Interop;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Dns.ZoneFiles;

namespace SecondaryPortal.Dns.Tests.Outbound;

/// <summary>
/// BIND 9 and Knot as secondaries of a zone we are the primary of (issue 4): they pull it by AXFR; after an edit (a
/// new snapshot, its diff in the journal) announced by our NOTIFY, they pull the change by IXFR.
/// </summary>
public sealed class SecondaryInteropTests
{
    private const uint Serial = 2024010101; // tests/testdata/zones/interop.example.zone
    private static readonly DnsName Zone = DnsName.Parse(PeerServersFixture.Zone);
    private static readonly InteropKey SharedKey = new("xfr-out-interop.example.", "hmac-sha256", "b3V0Z29pbmcgdHJhbnNmZXIgaW50ZXJvcCBzZWNyZXQ=");
    private static readonly TsigKey Key = TsigKey.Create(SharedKey.Name, SharedKey.Algorithm, SharedKey.SecretBase64);

    [Theory]
    [InlineData("bind", false)]
    [InlineData("knot", false)]
    [InlineData("bind", true)]
    [InlineData("knot", true)]
    public async Task Secondary_PullsTheZoneByAxfr_ThenTheNotifiedEditByIxfr(string peer, bool signed)
    {
        var v1 = Build(PeerServersFixture.ZoneText);
        var journal = new FakeJournal();
        var policy = new FakeTransferPolicy();
        policy.Entries.Add(TransferAclEntry.Parse(signed ? "key:" + SharedKey.Name : "127.0.0.0/8"));
        await using var primary = await TransferTestServer.StartAsync(v1, policy, journal, signed ? new TsigKeyring([Key]) : null);
        int port = primary.TcpEndPoint.Port;
        await using ExternalServer secondary = peer == "bind"
            ? await BindServer.StartSecondaryAsync(PeerServersFixture.Zone, port, signed ? SharedKey : null)
            : await KnotServer.StartSecondaryAsync(PeerServersFixture.Zone, port, signed ? SharedKey : null);
        Assert.True(Served(primary, "Axfr"), Describe(primary, secondary));
        Assert.Equal(Serial, await SerialAtAsync(secondary));

        var v2 = Build(Edit(PeerServersFixture.ZoneText, Serial + 1, "pushed IN A 192.0.2.222\nweb IN TXT \"edited\""));
        journal.Add(ZoneSnapshotDiff.Compute(v1, v2));
        primary.Zones.Publish(v2);
        var notified = await new NotifySender(TimeProvider.System, NullLogger<NotifySender>.Instance)
            .SendAsync(Zone, v2.Soa, new NotifyTarget(new IPEndPoint(IPAddress.Loopback, secondary.Port), signed ? Key : null));

        Assert.True(notified.IsAcknowledged, $"{notified.Outcome}: {notified.Error}\n{secondary.Output}");
        Assert.True(await AnswersAsync(secondary, "pushed.interop.example."), Describe(primary, secondary));
        Assert.Equal(Serial + 1, await SerialAtAsync(secondary));
        Assert.True(Served(primary, "Ixfr"), Describe(primary, secondary));
        Assert.DoesNotContain(primary.Log.Entries, e => e.EventId.Id == 4102);
    }

    private static ZoneSnapshot Build(string text) => OutboundZones.Build(ZoneFileParser.Parse(text, Zone), Zone);

    /// <summary>The zone file with a new serial and extra lines at the end.</summary>
    private static string Edit(string text, uint serial, string extra) =>
        text.Replace(Serial.ToString(System.Globalization.CultureInfo.InvariantCulture), serial.ToString(System.Globalization.CultureInfo.InvariantCulture)) + "\n" + extra + "\n";

    private static bool Served(TransferTestServer primary, string kind) =>
        primary.Log.Entries.Any(e => e.EventId.Id == 4101 && e.Fields["Kind"]!.ToString() == kind);

    private static string Describe(TransferTestServer primary, ExternalServer secondary) =>
        string.Join('\n', primary.Log.Entries.Select(e => e.Message)) + "\n--- secondary:\n" + secondary.Output;

    private static async Task<uint> SerialAtAsync(ExternalServer server)
    {
        var answer = DnsMessage.Parse(await server.Client.QueryUdpAsync(DnsMessage.CreateQuery(Zone, RecordType.SOA, 0x5151).ToArray()));
        return ((SoaData)answer.Answers.Single(r => r.Type == RecordType.SOA).Data).Serial;
    }

    private static async Task<bool> AnswersAsync(ExternalServer server, string name)
    {
        var query = DnsMessage.CreateQuery(DnsName.Parse(name), RecordType.A, 0x7777).ToArray();
        for (var deadline = DateTime.UtcNow.AddSeconds(15); DateTime.UtcNow < deadline; await Task.Delay(50))
        {
            var answer = DnsMessage.Parse(await server.Client.QueryUdpAsync(query));
            if (answer.Rcode == DnsRcode.NoError && answer.Answers.Count > 0)
                return true;
        }
        return false;
    }
}
