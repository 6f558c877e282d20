using System.Buffers.Binary;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Lookup;

/// <summary><see cref="DnsResponseWriter.TryAddRRset"/>: whole RRsets written from stored RDATA.</summary>
public sealed class ResponseWriterRRsetTests
{
    private static readonly byte[] Request = DnsMessage.CreateQuery(DnsName.Parse("example."), RecordType.MX, 1, new Edns()).ToArray();

    /// <summary>[length][RDATA] for each record, the stored form.</summary>
    private static byte[] Stored(RecordType type, params string[] rdata)
    {
        var bytes = new List<byte>();
        foreach (var text in rdata)
        {
            var wire = RecordData.Parse(type, text).ToWire();
            bytes.Add((byte)(wire.Length >> 8));
            bytes.Add((byte)wire.Length);
            bytes.AddRange(wire);
        }
        return [.. bytes];
    }

    private static (int Length, byte[] Buffer, bool Added) Write(RecordType type, byte[] stored, int count, int size = 512)
    {
        IncomingQuery.TryRead(Request, out var query);
        var buffer = new byte[size];
        var writer = new DnsResponseWriter(buffer, size);
        writer.Begin(query, Request, DnsHeaderFlags.AA);
        bool added = writer.TryAddRRset(DnsSection.Answer, DnsName.Parse("example.").Wire, type, 300, count, stored);
        return (writer.Finish(DnsRcode.NoError, truncated: false), buffer, added);
    }

    [Fact]
    public void TryAddRRset_WritesEveryRecord_CompressingMxExchanges()
    {
        var (length, buffer, added) = Write(RecordType.MX, Stored(RecordType.MX, "10 mail.example.", "20 mx2.example."), 2);

        Assert.True(added);
        var message = DnsMessage.Parse(buffer.AsSpan(0, length));
        Assert.Equal(["example. 300 MX 10 mail.example.", "example. 300 MX 20 mx2.example."], ResponseText.Lines(message.Answers));
        // header 12, question 13, then per record: owner pointer 2, type/class/ttl/rdlength 10, preference 2, "mail" 5 + pointer 2.
        Assert.Equal(0xC00C, BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(25)));
        Assert.Equal(9, BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(25 + 2 + 8)));
    }

    [Fact]
    public void TryAddRRset_LeavesSrvTargetsUncompressed()
    {
        var (length, buffer, _) = Write(RecordType.SRV, Stored(RecordType.SRV, "0 0 80 www.example."), 1);

        int rdlength = BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(25 + 2 + 8));
        Assert.Equal(6 + DnsName.Parse("www.example.").WireLength, rdlength); // RFC 3597 §4: not a RFC 1035 type
        Assert.Single(DnsMessage.Parse(buffer.AsSpan(0, length)).Answers);
    }

    [Fact]
    public void TryAddRRset_WhenTheRRsetDoesNotFit_WritesNothing()
    {
        var stored = Stored(RecordType.TXT, new string('a', 200), new string('b', 200), new string('c', 200));

        var (length, buffer, added) = Write(RecordType.TXT, stored, 3);

        Assert.False(added);
        var message = DnsMessage.Parse(buffer.AsSpan(0, length));
        Assert.Empty(message.Answers);
        Assert.NotNull(message.Edns);
    }

    [Fact]
    public void BeginWithoutQuestion_WritesOnlyTheHeader()
    {
        IncomingQuery.TryRead(Request, out var query);
        var buffer = new byte[512];
        var writer = new DnsResponseWriter(buffer, 512);

        writer.BeginWithoutQuestion(query.Header, edns: false, DnsHeaderFlags.None);
        int length = writer.Finish(DnsRcode.NotImp, truncated: false);

        Assert.Equal(DnsHeader.Size, length);
        var message = DnsMessage.Parse(buffer.AsSpan(0, length));
        Assert.Equal(DnsRcode.NotImp, message.Rcode);
        Assert.Empty(message.Questions);
    }
}
