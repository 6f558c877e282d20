using System.Buffers.Binary;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tsig;

/// <summary>
/// Feeds the digest components of RFC 8945 §4.3 into a running HMAC, in wire format and without
/// allocating. Signers and verifiers call the same methods, so both sides agree on the layout.
/// </summary>
internal static class TsigDigest
{
    // Key name and algorithm name (255 each at most), class, TTL, time, fudge, error, other length.
    private const int MaxVariablesLength = DnsName.MaxWireLength * 2 + 2 + 4 + 6 + 2 + 2 + 2;

    /// <summary>
    /// A request MAC (RFC 8945 §4.3.1) or prior MAC (§4.3.2): MAC Size then the MAC as it was sent,
    /// truncated or not (§5.2.2.1, case 4).
    /// </summary>
    public static void AppendMac(TsigHmac hmac, ReadOnlySpan<byte> mac)
    {
        Span<byte> size = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(size, (ushort)mac.Length);
        hmac.Append(size);
        hmac.Append(mac);
    }

    /// <summary>
    /// The DNS message as it was before the TSIG record was added (RFC 8945 §4.3.3): the header carries
    /// the original ID, and ARCOUNT no longer counts the TSIG when <paramref name="tsigCounted"/> says the
    /// header still does. <paramref name="message"/> ends where the TSIG record starts.
    /// </summary>
    public static void AppendMessage(TsigHmac hmac, ReadOnlySpan<byte> message, ushort originalId, bool tsigCounted)
    {
        Span<byte> header = stackalloc byte[DnsHeader.Size];
        message[..DnsHeader.Size].CopyTo(header);
        BinaryPrimitives.WriteUInt16BigEndian(header, originalId);
        if (tsigCounted)
        {
            ushort additionalCount = BinaryPrimitives.ReadUInt16BigEndian(header[10..]);
            BinaryPrimitives.WriteUInt16BigEndian(header[10..], (ushort)(additionalCount - 1));
        }
        hmac.Append(header);
        hmac.Append(message[DnsHeader.Size..]);
    }

    /// <summary>
    /// The TSIG variables (RFC 8945 §4.3.3): key name and algorithm name in canonical (lowercase,
    /// uncompressed) form, class ANY, TTL 0, time signed, fudge, error, other length and other data.
    /// </summary>
    public static void AppendVariables(TsigHmac hmac, DnsName keyName, DnsName algorithm, ulong timeSigned, ushort fudge,
        DnsRcode error, ReadOnlySpan<byte> otherData)
    {
        Span<byte> buffer = stackalloc byte[MaxVariablesLength];
        int length = WriteCanonicalName(buffer, keyName);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[length..], (ushort)DnsClass.ANY);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[(length + 2)..], 0);
        length += 6;
        length += WriteCanonicalName(buffer[length..], algorithm);
        TsigData.WriteUInt48(buffer[length..], timeSigned);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[(length + 6)..], fudge);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[(length + 8)..], (ushort)error);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[(length + 10)..], (ushort)otherData.Length);
        length += 12;
        hmac.Append(buffer[..length]);
        hmac.Append(otherData);
    }

    /// <summary>The TSIG timers that replace the variables on later messages of a stream (RFC 8945 §4.3.2): time signed and fudge.</summary>
    public static void AppendTimers(TsigHmac hmac, ulong timeSigned, ushort fudge)
    {
        Span<byte> buffer = stackalloc byte[8];
        TsigData.WriteUInt48(buffer, timeSigned);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[6..], fudge);
        hmac.Append(buffer);
    }

    private static int WriteCanonicalName(Span<byte> destination, DnsName name)
    {
        var wire = name.Wire;
        wire.CopyTo(destination);
        foreach (ref byte b in destination[..wire.Length])
            b = DnsName.ToLower(b);
        return wire.Length;
    }
}
