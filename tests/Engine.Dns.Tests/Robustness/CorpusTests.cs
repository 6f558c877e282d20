using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Robustness;

/// <summary>Every captured message decodes, re-encodes to the same records, and fails cleanly when truncated.</summary>
public sealed class CorpusTests
{
    [Fact]
    public void Corpus_IsNotEmpty() => Assert.True(MessageCorpus.All.Count > 100, "the corpus should hold the captured messages");

    [Fact]
    public void EveryMessage_DecodesAndReencodesToTheSameRecords()
    {
        foreach (var (name, bytes) in MessageCorpus.All)
        {
            var message = DnsMessage.Parse(bytes);
            var again = DnsMessage.Parse(message.ToArray());
            Assert.True(message.Answers.SequenceEqual(again.Answers), name);
            Assert.True(message.Authorities.SequenceEqual(again.Authorities), name);
            Assert.True(message.Additionals.SequenceEqual(again.Additionals), name);
        }
    }

    /// <summary>
    /// Our encoding is stable: what we write reads back and writes again to the same bytes. (BIND's own
    /// compression choices differ from ours in about two thirds of the corpus, e.g. it points to the
    /// latest copy of a suffix where we point to the first, so its bytes are compared as records.)
    /// </summary>
    [Fact]
    public void EveryMessage_OnceReencoded_ReencodesToTheSameBytes()
    {
        foreach (var (name, bytes) in MessageCorpus.All)
        {
            byte[] ours = DnsMessage.Parse(bytes).ToArray();
            Assert.True(DnsMessage.Parse(ours).ToArray().AsSpan().SequenceEqual(ours), name);
        }
    }

    /// <summary>
    /// RDATA that may not be compressed (every type but RFC 1035's, RFC 3597 §4) comes out of our decoder and
    /// encoder octet for octet as the primary sent it, so a transferred zone is byte-exact.
    /// </summary>
    [Fact]
    public void EveryIncompressibleRdata_ReencodesToTheOriginalOctets()
    {
        int compared = 0;
        foreach (var (name, bytes) in MessageCorpus.All)
        {
            var header = DnsMessage.Parse(bytes);
            var reader = new DnsReader(bytes, DnsHeader.Size);
            for (int i = 0; i < header.Questions.Count; i++)
            {
                reader.ReadName();
                reader.Skip(4);
            }
            int records = header.Answers.Count + header.Authorities.Count + header.Additionals.Count + (header.Edns is null ? 0 : 1) + (header.Tsig is null ? 0 : 1);
            for (int i = 0; i < records; i++)
            {
                reader.ReadName();
                var type = (RecordType)reader.ReadUInt16();
                reader.Skip(6);
                int length = reader.ReadUInt16();
                int start = reader.Position;
                int outer = reader.PushLimit(length);
                var data = RecordData.Read(type, ref reader, length);
                reader.PopLimit(outer);
                if (type is RecordType.NS or RecordType.CNAME or RecordType.SOA or RecordType.PTR or RecordType.MX or RecordType.MINFO)
                    continue;
                Assert.True(data.ToWire().AsSpan().SequenceEqual(bytes.AsSpan(start, length)), $"{name}: {RecordTypeNames.ToText(type)} {data}");
                compared++;
            }
        }
        Assert.True(compared > 1000, $"only {compared} RDATA compared");
    }

    [Fact]
    public void EveryRecord_RoundTripsThroughItsPresentationForm()
    {
        foreach (var (name, bytes) in MessageCorpus.All)
        {
            var message = DnsMessage.Parse(bytes);
            foreach (var record in message.Answers.Concat(message.Authorities).Concat(message.Additionals))
            {
                string text = record.Data.ToString();
                var parsed = RecordData.Parse(record.Type, text);
                Assert.True(record.Data.Equals(parsed), $"{name}: {RecordTypeNames.ToText(record.Type)} '{text}' read back as '{parsed}'");
                Assert.Equal(record.Data.ToWire(), parsed.ToWire());
            }
        }
    }

    [Fact]
    public void EveryTruncation_OfEveryMessage_FailsWithAFormatError()
    {
        foreach (var (name, bytes) in MessageCorpus.All)
        {
            for (int length = 0; length < bytes.Length; length++)
            {
                bool parsed;
                try
                {
                    parsed = DnsMessage.TryParse(bytes.AsSpan(0, length), out _, out _);
                }
                catch (Exception e)
                {
                    throw new Xunit.Sdk.XunitException($"{name} cut to {length} octets threw {e.GetType().Name}: {e.Message}");
                }
                Assert.False(parsed, $"{name} cut to {length} octets still parsed");
            }
        }
    }
}
