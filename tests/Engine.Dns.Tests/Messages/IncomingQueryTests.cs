using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Tests.Support;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Messages;

public sealed class IncomingQueryTests
{
    private static readonly byte[] Query = DnsMessage.CreateQuery(DnsName.Parse("WwW.example.com."), RecordType.AAAA, 0x1234,
        new Edns { UdpPayloadSize = 4096, DnssecOk = true }, recursionDesired: true).ToArray();

    [Fact]
    public void TryRead_ReadsQuestionAndEdnsWithoutAllocating()
    {
        Assert.Equal(QueryParseStatus.Ok, IncomingQuery.TryRead(Query, out _)); // warm up
        var status = QueryParseStatus.Ignore;
        IncomingQuery query = default;
        long allocated = Allocations.OnThisThread(() => status = IncomingQuery.TryRead(Query, out query));

        Assert.Equal(QueryParseStatus.Ok, status);
        Assert.Equal(0, allocated);
        Assert.Equal(0x1234, query.Header.Id);
        Assert.Equal("WwW.example.com.", DnsName.FromWire(query.Name(Query)).ToString());
        Assert.Equal(RecordType.AAAA, query.Type);
        Assert.True(query.HasEdns);
        Assert.Equal(4096, query.UdpPayloadSize);
        Assert.True(query.DnssecOk);
        Assert.Equal(-1, query.TsigOffset);
    }

    [Fact]
    public void TryRead_WithoutEdns_AssumesA512OctetPayload()
    {
        var bytes = DnsMessage.CreateQuery(DnsName.Parse("example."), RecordType.A, 1).ToArray();
        Assert.Equal(QueryParseStatus.Ok, IncomingQuery.TryRead(bytes, out var query));
        Assert.False(query.HasEdns);
        Assert.Equal(512, query.UdpPayloadSize);
    }

    [Fact]
    public void TryRead_WhenResponseOrTooShort_Ignores()
    {
        var response = (byte[])Query.Clone();
        response[2] |= 0x80;
        Assert.Equal(QueryParseStatus.Ignore, IncomingQuery.TryRead(response, out _));
        Assert.Equal(QueryParseStatus.Ignore, IncomingQuery.TryRead(Query.AsSpan(0, 11), out _));
    }

    [Fact]
    public void TryRead_EveryTruncationAfterTheHeader_IsAFormatError()
    {
        for (int length = DnsHeader.Size; length < Query.Length; length++)
            Assert.Equal(QueryParseStatus.FormatError, IncomingQuery.TryRead(Query.AsSpan(0, length), out _));
    }

    [Fact]
    public void TryRead_WhenQuestionNameIsCompressed_IsAFormatError()
    {
        var bytes = Convert.FromHexString("000100000001000000000000" + "C00C" + "00010001"); // QNAME is a pointer
        Assert.Equal(QueryParseStatus.FormatError, IncomingQuery.TryRead(bytes, out _));
    }

    [Fact]
    public void TryRead_WhenTwoQuestions_IsAFormatError()
    {
        var bytes = (byte[])Query.Clone();
        bytes[5] = 2;
        Assert.Equal(QueryParseStatus.FormatError, IncomingQuery.TryRead(bytes, out _));
    }
}
