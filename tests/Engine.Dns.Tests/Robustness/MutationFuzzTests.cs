using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Robustness;

/// <summary>
/// A bounded, seeded mutation run over the corpus: whatever the bytes, decoding ends in a message or a
/// <see cref="DnsFormatException"/>, never another exception, a hang or an allocation out of proportion.
/// </summary>
public sealed class MutationFuzzTests
{
    private const int Iterations = 120_000;

    [Fact]
    public void RandomMutations_EndInAMessageOrAFormatError()
    {
        var random = new Random(20261122);
        var corpus = MessageCorpus.All;
        var output = new byte[DnsMessage.MaxSize];
        int decoded = 0, rejected = 0;
        for (int i = 0; i < Iterations; i++)
        {
            byte[] input = Mutate(corpus[random.Next(corpus.Count)].Bytes, random);
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            DnsMessage? message;
            try
            {
                DnsMessage.TryParse(input, out message, out _);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"iteration {i}: {e.GetType().Name} for {Convert.ToHexString(input)}\n{e}");
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            // A decoded name costs at most 255 octets per 2 input octets (a pointer): anything beyond that is a leak.
            Assert.True(allocated < 512L * input.Length + 65_536, $"iteration {i} allocated {allocated} bytes for {input.Length} input octets");
            if (message is null)
            {
                rejected++;
                continue;
            }
            decoded++;
            AssertReencodes(message, output, i);
        }
        Assert.True(decoded > 1000 && rejected > 1000, $"the mutations should exercise both paths (decoded {decoded}, rejected {rejected})");
    }

    private static void AssertReencodes(DnsMessage message, byte[] output, int iteration)
    {
        try
        {
            int length = message.WriteTo(output);
            if (length < 0)
                return; // decompression can grow a message past 65,535 octets; refusing to write it is correct
            var again = DnsMessage.Parse(output.AsSpan(0, length));
            Assert.True(message.Answers.SequenceEqual(again.Answers),
                $"iteration {iteration}: answers changed on re-encoding:\n{string.Join('\n', message.Answers)}\n---\n{string.Join('\n', again.Answers)}");
            foreach (var record in message.Answers)
                _ = record.ToString();
        }
        catch (InvalidOperationException) when ((ushort)message.Rcode > 0xF)
        {
            // an extended rcode whose OPT record was mutated away cannot be written; the writer says so
        }
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        int edits = 1 + random.Next(4);
        for (int e = 0; e < edits && bytes.Count > 0; e++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 2: bytes.RemoveAt(at); break;
                case 3: bytes.Insert(at, (byte)random.Next(256)); break;
                case 4: bytes[at] = (byte)(0xC0 | random.Next(64)); break;            // a compression pointer
                default: if (at < 12 && at + 1 < bytes.Count) bytes[at + 1] = (byte)random.Next(256); break; // header counts
            }
        }
        if (random.Next(10) == 0)
            bytes.RemoveRange(random.Next(bytes.Count), 0);
        return bytes.ToArray();
    }
}
