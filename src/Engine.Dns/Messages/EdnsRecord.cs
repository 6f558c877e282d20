using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Messages;

/// <summary>Maps between <see cref="Edns"/> and the OPT pseudo-record's fields (RFC 6891 §6.1.2, §6.1.3).</summary>
internal static class EdnsRecord
{
    private const uint DnssecOkBit = 0x8000;

    /// <summary>Builds the OPT record; the upper 8 bits of <paramref name="rcode"/> go in its TTL.</summary>
    public static DnsRecord ToRecord(Edns edns, DnsRcode rcode)
    {
        uint ttl = (uint)((ushort)rcode >> 4) << 24 | (uint)edns.Version << 16 | (edns.DnssecOk ? DnssecOkBit : 0) | (edns.OtherFlags & 0x7FFFu);
        return new DnsRecord(DnsName.Root, (DnsClass)edns.UdpPayloadSize, ttl, new OptData(edns.Options));
    }

    /// <summary>Reads EDNS from an OPT record; returns the extended rcode bits (to shift left by 4).</summary>
    public static Edns FromRecord(DnsRecord opt, out int extendedRcode)
    {
        extendedRcode = (int)(opt.Ttl >> 24);
        return new Edns
        {
            UdpPayloadSize = (ushort)opt.Class,
            Version = (byte)(opt.Ttl >> 16),
            DnssecOk = (opt.Ttl & DnssecOkBit) != 0,
            OtherFlags = (ushort)(opt.Ttl & 0x7FFF),
            Options = ((OptData)opt.Data).Options,
        };
    }
}
