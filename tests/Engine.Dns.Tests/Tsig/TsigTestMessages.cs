using System.Net;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Tsig;

/// <summary>The messages the TSIG tests sign, given in hex so the digested octets are visible.</summary>
internal static class TsigTestMessages
{
    /// <summary>The tests' clock: 2023-11-14 22:13:20 UTC.</summary>
    public const ulong Now = 1700000000;

    public const string QueryHex =
        "4d2a" + "0000"                      // ID 0x4d2a, flags: standard query
        + "0001" + "0000" + "0000" + "0000"  // QDCOUNT 1, ANCOUNT 0, NSCOUNT 0, ARCOUNT 0
        + "076578616d706c6503636f6d00"       // QNAME example.com.
        + "0006" + "0001";                   // QTYPE SOA, QCLASS IN

    public const string ResponseHex =
        "4d2a" + "8403"                      // ID 0x4d2a, flags: QR AA, RCODE NXDOMAIN
        + "0001" + "0000" + "0001" + "0000"  // QDCOUNT 1, ANCOUNT 0, NSCOUNT 1, ARCOUNT 0
        + "076578616d706c6503636f6d00"       // QNAME example.com.
        + "0006" + "0001"                    // QTYPE SOA, QCLASS IN
        + "c00c" + "0006" + "0001"           // authority: example.com. (pointer) SOA IN
        + "00000e10" + "0027"                // TTL 3600, RDLENGTH 39
        + "036e7331c00c"                     // MNAME ns1.example.com.
        + "0a686f73746d6173746572c00c"       // RNAME hostmaster.example.com.
        + "00000001" + "00001c20" + "00000e10" + "00127500" + "00000e10"; // serial, refresh, retry, expire, minimum

    public static byte[] Query => Convert.FromHexString(QueryHex);

    public static byte[] Response => Convert.FromHexString(ResponseHex);

    /// <summary>Message <paramref name="index"/> of a zone transfer answer: one A record each.</summary>
    public static byte[] TransferMessage(int index)
    {
        var message = new DnsMessage { Id = 0x4d2a, Flags = DnsHeaderFlags.QR | DnsHeaderFlags.AA };
        message.Questions.Add(new DnsQuestion(DnsName.Parse("example.com."), RecordType.AXFR));
        message.Answers.Add(new DnsRecord(DnsName.Parse($"host{index}.example.com."), 300, new AData(new IPAddress([192, 0, 2, (byte)index]))));
        return message.ToArray();
    }

    /// <summary>A copy of <paramref name="bytes"/> with the octet at <paramref name="offset"/> XORed with <paramref name="mask"/>.</summary>
    public static byte[] Flip(byte[] bytes, int offset, byte mask = 0x20)
    {
        var copy = (byte[])bytes.Clone();
        copy[offset] ^= mask;
        return copy;
    }
}
