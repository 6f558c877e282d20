using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Outbound;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Tests.Server;
using SecondaryPortal.Dns.Tests.Support;
using SecondaryPortal.Dns.Tests.Transfer;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

using static SecondaryPortal.Dns.Tests.Outbound.OutboundZones;

namespace SecondaryPortal.Dns.Tests.Outbound;

/// <summary>AXFR and IXFR out of a real DnsServer on loopback, read back with our transfer client or raw.</summary>
public sealed class ZoneTransferResponderTests
{
    private static ZoneTransferClient Client() => FakeZone.Client();

    [Fact]
    public async Task Axfr_DeliversEveryRecordOfTheSnapshot()
    {
        var zone = Snapshot(Text(10));
        await using var server = await TransferTestServer.StartAsync(zone);

        var result = await Client().TransferAsync(Origin, server.Primary(), current: null);

        Assert.True(result.Outcome == TransferOutcome.Axfr, result.Error);
        Assert.Equal(Lines(zone.Records()), Lines(result.ZoneRecords()));
        Assert.Equal(10u, result.Soa!.Serial);
        Assert.Contains(server.Log.Entries, e => e.EventId.Id == 4101 && e.Fields["Kind"]!.ToString() == "Axfr");
    }

    [Fact]
    public async Task Axfr_FramesTheZoneWithItsSoa_AndPutsTheQuestionInTheFirstMessageOnly()
    {
        var zone = Large(3000);
        await using var server = await TransferTestServer.StartAsync(zone);

        var messages = await RawTransfer.ExchangeAsync(server.TcpEndPoint, RawTransfer.Request(Origin, RecordType.AXFR).ToArray());

        var parsed = messages.Select(m => DnsMessage.Parse(m)).ToList();
        var answers = parsed.SelectMany(m => m.Answers).ToList();
        Assert.True(parsed.Count > 1, $"{parsed.Count} message(s)");
        Assert.Equal(RecordType.SOA, answers[0].Type);
        Assert.Equal(RecordType.SOA, answers[^1].Type);
        Assert.Single(parsed[0].Questions);
        Assert.All(parsed.Skip(1), m => Assert.Empty(m.Questions));
        Assert.All(parsed, m => Assert.True(m.Flags.HasFlag(DnsHeaderFlags.AA) && m.Id == 0x4242 && m.Rcode == DnsRcode.NoError));
        Assert.Equal(zone.RecordCount + 1, answers.Count);
    }

    [Fact]
    public async Task Axfr_MessagesFillUpToTheConfiguredSize_AndNoFurther()
    {
        var zone = Large(3000);
        var options = new ZoneTransferResponderOptions { MessageSize = 4096 };
        await using var server = await TransferTestServer.StartAsync(zone, responderOptions: options);

        var messages = await RawTransfer.ExchangeAsync(server.TcpEndPoint, RawTransfer.Request(Origin, RecordType.AXFR).ToArray());

        // Each message is closed by the first record that takes it past the size; an A record is well under 100 octets.
        Assert.All(messages[..^1], m => Assert.InRange(m.Length, options.MessageSize, options.MessageSize + 100));
        Assert.InRange(messages[^1].Length, 1, options.MessageSize + 100);
    }

    [Fact]
    public async Task Ixfr_FromASerialInTheJournal_SendsTheJournalsDiffs()
    {
        var v1 = Snapshot(Text(1));
        var v2 = Snapshot(Text(2, "new IN A 192.0.2.200"));
        var v3 = Snapshot(Text(3, "new IN A 192.0.2.201"));
        var journal = new FakeJournal();
        journal.Add(ZoneSnapshotDiff.Compute(v1, v2));
        journal.Add(ZoneSnapshotDiff.Compute(v2, v3));
        await using var server = await TransferTestServer.StartAsync(v3, journal: journal);

        var result = await Client().TransferAsync(Origin, server.Primary(), (SoaData)v1.Soa.Data);

        Assert.True(result.Outcome == TransferOutcome.Ixfr, $"{result.Outcome}: {result.Error} {result.FallbackReason}");
        Assert.Equal([(1u, 2u), (2u, 3u)], result.Diffs.Select(d => (d.OldSerial, d.NewSerial)));
        Assert.Equal(["new.xfr-out.example.\t3600\tIN\tA\t192.0.2.200"], result.Diffs[1].Deleted.Select(r => r.ToString()));
        Assert.Equal(["new.xfr-out.example.\t3600\tIN\tA\t192.0.2.201"], result.Diffs[1].Added.Select(r => r.ToString()));
        Assert.True(ZoneDiff.TryApply(v1.Records().ToList(), result.Diffs, out var applied, out string? error), error);
        Assert.Equal(Lines(v3.Records()), Lines(applied));
        Assert.Contains(server.Log.Entries, e => e.EventId.Id == 4101 && e.Fields["Kind"]!.ToString() == "Ixfr");
    }

    [Fact]
    public async Task Ixfr_WhenTheClientIsCurrent_SendsTheSoaAlone()
    {
        var zone = Snapshot(Text(7));
        await using var server = await TransferTestServer.StartAsync(zone);

        var result = await Client().TransferAsync(Origin, server.Primary(), (SoaData)zone.Soa.Data);
        var raw = await RawTransfer.ExchangeAsync(server.TcpEndPoint, RawTransfer.Request(Origin, RecordType.IXFR, clientSerial: 7).ToArray(), soaCount: 1);

        Assert.Equal(TransferOutcome.UpToDate, result.Outcome);
        var answer = Assert.Single(raw);
        Assert.Equal([zone.Soa.ToString()], DnsMessage.Parse(answer).Answers.Select(r => r.ToString()));
    }

    [Fact]
    public async Task Ixfr_WhenTheClientIsNewer_SendsTheSoaAlone()
    {
        var zone = Snapshot(Text(7));
        await using var server = await TransferTestServer.StartAsync(zone);

        var raw = await RawTransfer.ExchangeAsync(server.TcpEndPoint, RawTransfer.Request(Origin, RecordType.IXFR, clientSerial: 9).ToArray(), soaCount: 1);

        Assert.Equal([zone.Soa.ToString()], DnsMessage.Parse(Assert.Single(raw)).Answers.Select(r => r.ToString()));
    }

    [Fact]
    public async Task Ixfr_FromASerialNotInTheJournal_SendsTheWholeZoneAxfrStyle()
    {
        var v1 = Snapshot(Text(1));
        var v3 = Snapshot(Text(3, "new IN A 192.0.2.201"));
        var journal = new FakeJournal();
        journal.Add(ZoneSnapshotDiff.Compute(Snapshot(Text(2)), v3));
        await using var server = await TransferTestServer.StartAsync(v3, journal: journal);

        var result = await Client().TransferAsync(Origin, server.Primary(), (SoaData)v1.Soa.Data);

        Assert.Equal(TransferOutcome.Axfr, result.Outcome);
        Assert.Contains("AXFR-style", result.FallbackReason);
        Assert.Equal(Lines(v3.Records()), Lines(result.ZoneRecords()));
        Assert.Contains(server.Log.Entries, e => e.EventId.Id == 4101 && e.Fields["Kind"]!.ToString() == "IxfrAxfrStyle");
    }

    [Fact]
    public async Task Ixfr_WhoseDiffsOutweighTheZone_SendsTheWholeZone()
    {
        var v1 = Snapshot(Text(1));
        var v2 = Snapshot(Text(2, string.Join('\n', Enumerable.Range(0, 40).Select(i => $"n{i} IN A 192.0.2.{i}"))));
        var journal = new FakeJournal();
        journal.Add(ZoneSnapshotDiff.Compute(v1, v2));
        await using var server = await TransferTestServer.StartAsync(Snapshot(Text(3)), journal: journal);
        journal.Add(ZoneSnapshotDiff.Compute(v2, Snapshot(Text(3))));

        var result = await Client().TransferAsync(Origin, server.Primary(), (SoaData)v1.Soa.Data);

        Assert.Equal(TransferOutcome.Axfr, result.Outcome);
        Assert.Contains("AXFR-style", result.FallbackReason);
    }

    [Fact]
    public async Task Ixfr_WithoutTheClientsSoa_IsFormErr()
    {
        await using var server = await TransferTestServer.StartAsync(Snapshot(Text(1)));

        var raw = await RawTransfer.ExchangeAsync(server.TcpEndPoint, RawTransfer.Request(Origin, RecordType.IXFR).ToArray());

        var answer = DnsMessage.Parse(Assert.Single(raw));
        Assert.Equal(DnsRcode.FormErr, answer.Rcode);
        Assert.Empty(answer.Answers);
    }

    [Fact]
    public async Task Transfer_WhenTheAccessListDenies_IsRefused()
    {
        var policy = new FakeTransferPolicy();
        policy.Entries.Add(TransferAclEntry.Parse("192.0.2.0/24"));
        await using var server = await TransferTestServer.StartAsync(Snapshot(Text(1)), policy);

        var axfr = await Client().TransferAsync(Origin, server.Primary(), current: null);
        var ixfr = await RawTransfer.ExchangeAsync(server.TcpEndPoint, RawTransfer.Request(Origin, RecordType.IXFR, clientSerial: 0).ToArray());

        Assert.Equal(TransferOutcome.Refused, axfr.Outcome);
        Assert.Equal(DnsRcode.Refused, axfr.Rcode);
        Assert.Equal(DnsRcode.Refused, DnsMessage.Parse(Assert.Single(ixfr)).Rcode);
        Assert.Contains(policy.Asked, a => a.Zone.Equals(Origin) && a.Remote.Equals(server.TcpEndPoint.Address) && a.Key is null);
        Assert.Contains(server.Log.Entries, e => e.EventId.Id == 4102 && e.Fields["Rcode"]!.ToString() == "Refused");
    }

    [Fact]
    public async Task Transfer_OfAZoneNotServed_IsNotAuth()
    {
        await using var server = await TransferTestServer.StartAsync(Snapshot(Text(1)));

        var result = await Client().TransferAsync(DnsName.Parse("elsewhere.example."), server.Primary(), current: null);
        var below = await RawTransfer.ExchangeAsync(server.TcpEndPoint, RawTransfer.Request(DnsName.Parse("www.xfr-out.example."), RecordType.AXFR).ToArray());

        Assert.Equal(TransferOutcome.NotAuthoritative, result.Outcome);
        Assert.Equal(DnsRcode.NotAuth, DnsMessage.Parse(Assert.Single(below)).Rcode);
    }

    [Fact]
    public async Task Transfer_OfAZoneNotLoaded_IsServFail()
    {
        await using var server = await TransferTestServer.StartAsync(null);
        server.Zones.SetUnavailable(Origin);

        var raw = await RawTransfer.ExchangeAsync(server.TcpEndPoint, RawTransfer.Request(Origin, RecordType.AXFR).ToArray());

        Assert.Equal(DnsRcode.ServFail, DnsMessage.Parse(Assert.Single(raw)).Rcode);
    }

    [Fact]
    public async Task Transfer_OfAnotherClass_IsNotAuth()
    {
        await using var server = await TransferTestServer.StartAsync(Snapshot(Text(1)));
        var request = RawTransfer.Request(Origin, RecordType.AXFR);
        request.Questions[0] = new DnsQuestion(Origin, RecordType.AXFR, DnsClass.CH);

        var raw = await RawTransfer.ExchangeAsync(server.TcpEndPoint, request.ToArray());

        Assert.Equal(DnsRcode.NotAuth, DnsMessage.Parse(Assert.Single(raw)).Rcode);
    }

    [Fact]
    public async Task Axfr_WithEdns_CarriesAnOptInEveryMessage()
    {
        await using var server = await TransferTestServer.StartAsync(Large(2000));

        var raw = await RawTransfer.ExchangeAsync(server.TcpEndPoint, RawTransfer.Request(Origin, RecordType.AXFR, edns: true).ToArray());

        Assert.True(raw.Count > 1);
        Assert.All(raw, m => Assert.NotNull(DnsMessage.Parse(m).Edns));
    }

    [Fact]
    public async Task QueriesOverTheSameServer_StillGetOrdinaryAnswers()
    {
        await using var server = await TransferTestServer.StartAsync(Snapshot(Text(1)));
        using var client = await ServerTestClient.ConnectTcpAsync(server.TcpEndPoint);

        var reply = await ServerTestClient.TcpQueryAsync(client, "web.xfr-out.example.", id: 0x0101);

        Assert.Equal(DnsRcode.NoError, reply.Rcode);
        Assert.Equal("192.0.2.80", ((AData)reply.Answers.Single(r => r.Type == RecordType.A).Data).Address.ToString());
    }
}
