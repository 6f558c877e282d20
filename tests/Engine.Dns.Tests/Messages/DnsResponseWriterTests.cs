using System.Net;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Messages;

public sealed class DnsResponseWriterTests
{
    private static readonly DnsName Www = DnsName.Parse("www.example.com.");

    [Fact]
    public void Response_EchoesTheQuestion_AndCarriesRecordsAndOpt()
    {
        byte[] request = DnsMessage.CreateQuery(DnsName.Parse("WWW.example.com."), RecordType.A, 99, new Edns(), recursionDesired: true).ToArray();
        IncomingQuery.TryRead(request, out var query);
        var buffer = new byte[512];

        var writer = new DnsResponseWriter(buffer, 512);
        writer.Begin(query, request, DnsHeaderFlags.AA);
        Assert.True(writer.TryAdd(DnsSection.Answer, new DnsRecord(Www, 300, new AData(IPAddress.Parse("192.0.2.1")))));
        int length = writer.Finish(DnsRcode.NoError, truncated: false);

        var response = DnsMessage.Parse(buffer.AsSpan(0, length));
        Assert.Equal(99, response.Id);
        Assert.Equal(DnsHeaderFlags.QR | DnsHeaderFlags.AA | DnsHeaderFlags.RD, response.Flags);
        Assert.Equal("WWW.example.com.", response.Question!.Name.ToString());
        Assert.Single(response.Answers);
        Assert.NotNull(response.Edns);
    }

    [Fact]
    public void TryAdd_WhenRecordDoesNotFit_RollsItBack_AndOptStillFits()
    {
        byte[] request = DnsMessage.CreateQuery(Www, RecordType.TXT, 5, new Edns()).ToArray();
        IncomingQuery.TryRead(request, out var query);
        var buffer = new byte[1024];
        var big = new DnsRecord(Www, 60, new TxtData(new string('x', 200)));

        var writer = new DnsResponseWriter(buffer, 512);
        writer.Begin(query, request, DnsHeaderFlags.AA);
        int added = 0;
        while (writer.TryAdd(DnsSection.Answer, big))
            added++;
        int length = writer.Finish(DnsRcode.NoError, truncated: true);

        Assert.True(length <= 512);
        var response = DnsMessage.Parse(buffer.AsSpan(0, length));
        Assert.Equal(added, response.Answers.Count);
        Assert.True((response.Flags & DnsHeaderFlags.TC) != 0);
        Assert.NotNull(response.Edns);
    }

    [Fact]
    public void Finish_WithExtendedRcode_PutsTheUpperBitsInOpt()
    {
        byte[] request = DnsMessage.CreateQuery(Www, RecordType.A, 5, new Edns { Version = 1 }).ToArray();
        IncomingQuery.TryRead(request, out var query);
        var buffer = new byte[512];
        var writer = new DnsResponseWriter(buffer, 512);
        writer.Begin(query, request, DnsHeaderFlags.None);
        int length = writer.Finish(DnsRcode.BadVers, truncated: false);
        Assert.Equal(DnsRcode.BadVers, DnsMessage.Parse(buffer.AsSpan(0, length)).Rcode);
    }
}
