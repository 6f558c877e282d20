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
