using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Transfer;

/// <summary>Records of a made-up zone and the answers a primary would send for it, built with our encoder.</summary>
internal static class FakeZone
{
    public static readonly DnsName Zone = DnsName.Parse("fake.example.");

    /// <summary>Short timeouts so that a test of a silent primary ends in about a second.</summary>
    public static readonly ZoneTransferClientOptions QuickOptions = new()
    {
        UdpTimeout = TimeSpan.FromMilliseconds(200),
        UdpAttempts = 3,
        ConnectTimeout = TimeSpan.FromSeconds(5), // generous: a loaded CI machine can be slow to complete a loopback connect
        ReadTimeout = TimeSpan.FromSeconds(1),
        TransferTimeout = TimeSpan.FromSeconds(5),
    };

    public static ZoneTransferClient Client(ZoneTransferClientOptions? options = null) =>
        new(TimeProvider.System, NullLogger<ZoneTransferClient>.Instance, options ?? QuickOptions);

    public static DnsRecord Soa(uint serial) => new(Zone, 3600, SoaData(serial));

    public static SoaData SoaData(uint serial) =>
        new(DnsName.Parse("ns1.fake.example."), DnsName.Parse("hostmaster.fake.example."), serial, 7200, 900, 1209600, 300);

    public static DnsRecord A(string owner, string address, uint ttl = 300) =>
        new(DnsName.Parse(owner, Zone), ttl, new AData(IPAddress.Parse(address)));

    /// <summary>NS, and <paramref name="hosts"/> A records host0 ... (the SOA not included).</summary>
    public static List<DnsRecord> Body(int hosts)
    {
        var records = new List<DnsRecord> { new(Zone, 3600, new NsData(DnsName.Parse("ns1.fake.example."))), A("ns1", "192.0.2.53") };
        for (int i = 0; i < hosts; i++)
            records.Add(A($"host{i}", $"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}"));
        return records;
    }

    /// <summary>An AXFR answer stream: SOA, the body, SOA.</summary>
    public static List<DnsRecord> AxfrStream(uint serial, IEnumerable<DnsRecord> body) => [Soa(serial), .. body, Soa(serial)];

    /// <summary>The answer to <paramref name="request"/>: same ID and question, QR and AA set.</summary>
    public static DnsMessage Reply(DnsMessage request, IEnumerable<DnsRecord> answers, DnsRcode rcode = DnsRcode.NoError, bool withQuestion = true)
    {
        var reply = new DnsMessage { Id = request.Id, Opcode = request.Opcode, Flags = DnsHeaderFlags.QR | DnsHeaderFlags.AA, Rcode = rcode };
        if (withQuestion)
            reply.Questions.AddRange(request.Questions);
        reply.Answers.AddRange(answers);
        return reply;
    }

    /// <summary>The records split into messages of <paramref name="perMessage"/> answers; the question in the first only.</summary>
    public static List<byte[]> Framed(DnsMessage request, IReadOnlyList<DnsRecord> records, int perMessage = 10)
    {
        var messages = new List<byte[]>();
        for (int i = 0; i < records.Count; i += perMessage)
            messages.Add(Reply(request, records.Skip(i).Take(perMessage), withQuestion: i == 0).ToArray());
        return messages;
    }

    /// <summary>An IXFR answer: the new SOA, each diff (old SOA, deletions, new SOA, additions), the new SOA again (RFC 1995 §4).</summary>
    public static List<DnsRecord> IxfrStream(params (uint From, uint To, DnsRecord[] Deleted, DnsRecord[] Added)[] diffs)
    {
        var records = new List<DnsRecord> { Soa(diffs[^1].To) };
        foreach (var (from, to, deleted, added) in diffs)
        {
            records.Add(Soa(from));
            records.AddRange(deleted);
            records.Add(Soa(to));
            records.AddRange(added);
        }
        records.Add(Soa(diffs[^1].To));
        return records;
    }
}
