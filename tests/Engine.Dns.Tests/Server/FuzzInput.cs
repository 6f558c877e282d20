using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Tests.Robustness;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Server;

/// <summary>Seeded inputs for the listener fuzz runs: valid queries, mutations of queries and of BIND responses, noise.</summary>
internal static class FuzzInput
{
    private static readonly string[] Labels = ["www", "mail", "Example", "test", "a", "xn--bcher-kva", "_tcp", "*", "deep", "x"];
    private static readonly RecordType[] Types =
        [RecordType.A, RecordType.AAAA, RecordType.MX, RecordType.NS, RecordType.SOA, RecordType.TXT, RecordType.SRV, RecordType.CAA, RecordType.ANY, (RecordType)65280];

    /// <summary>One datagram; every 5,000th is the largest IPv4 UDP payload.</summary>
    public static byte[] Datagram(Random random, int index)
    {
        if (index % 5000 == 4999)
            return RandomBytes(random, 65507);
        return random.Next(7) switch
        {
            0 => ValidQuery(random),
            1 or 2 => Mutate(ValidQuery(random), random),
            3 => Mutate(CorpusMessage(random), random),
            4 => RandomBytes(random, random.Next(600)),
            5 => Truncated(ValidQuery(random), random),
            _ => WithBogusCounts(ValidQuery(random), random),
        };
    }

    /// <summary>A well-formed query for a random name and type, with EDNS half the time.</summary>
    public static byte[] ValidQuery(Random random)
    {
        var labels = Enumerable.Range(0, 1 + random.Next(4)).Select(_ => Labels[random.Next(Labels.Length)]);
        var name = DnsName.Parse(string.Join('.', labels) + ".");
        var edns = random.Next(2) == 0 ? null : new Edns { UdpPayloadSize = (ushort)random.Next(512, 4097), DnssecOk = random.Next(2) == 0 };
        var query = DnsMessage.CreateQuery(name, Types[random.Next(Types.Length)], (ushort)random.Next(65536), edns, recursionDesired: random.Next(2) == 0);
        var buffer = new byte[512];
        return buffer[..query.WriteTo(buffer)];
    }

    /// <summary>A real BIND response from the test corpus.</summary>
    public static byte[] CorpusMessage(Random random) => MessageCorpus.All[random.Next(MessageCorpus.All.Count)].Bytes;

    public static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>One to four edits: a random octet, a flipped bit, a deletion, an insertion, a compression pointer, a cut.</summary>
    public static byte[] Mutate(byte[] original, Random random)
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
                case 4: bytes[at] = (byte)(0xC0 | random.Next(64)); break;
                default: bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }
        return [.. bytes];
    }

    private static byte[] Truncated(byte[] message, Random random) => message[..random.Next(message.Length)];

    /// <summary>A query whose section counts promise records that are not there (or far too many).</summary>
    private static byte[] WithBogusCounts(byte[] message, Random random)
    {
        for (int offset = 4; offset < 12; offset += 2)
        {
            if (random.Next(3) == 0)
            {
                message[offset] = (byte)random.Next(256);
                message[offset + 1] = (byte)random.Next(256);
            }
        }
        return message;
    }
}
