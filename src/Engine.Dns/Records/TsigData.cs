using System.Buffers.Binary;
using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>
/// RDATA of the TSIG meta-record (RFC 8945 §4.2): algorithm, time signed, fudge, MAC, original ID, error
/// and other data. It lives only in the last additional record of a signed message and is never cached.
/// </summary>
public sealed class TsigData : RecordData
{
    /// <summary>Largest time signed: the field is 48 bits of seconds since 1970 (RFC 8945 §4.2).</summary>
    public const ulong MaxTimeSigned = 0xFFFF_FFFF_FFFF;

    /// <summary>Length of Other Data in a BADTIME response: the server's 48-bit time (RFC 8945 §4.2).</summary>
    public const int ServerTimeLength = 6;

    private readonly byte[] _mac;
    private readonly byte[] _otherData;

    /// <summary>TSIG RDATA with every field given.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time needs more than 48 bits, or MAC or other data exceed 65535 octets.</exception>
    public TsigData(DnsName algorithm, ulong timeSigned, ushort fudge, ReadOnlySpan<byte> mac, ushort originalId, DnsRcode error, ReadOnlySpan<byte> otherData)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(timeSigned, MaxTimeSigned);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(mac.Length, ushort.MaxValue, nameof(mac));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(otherData.Length, ushort.MaxValue, nameof(otherData));
        Algorithm = algorithm;
        TimeSigned = timeSigned;
        Fudge = fudge;
        _mac = mac.ToArray();
        OriginalId = originalId;
        Error = error;
        _otherData = otherData.ToArray();
    }

    /// <summary>Name of the MAC algorithm (RFC 8945 §6: hmac-sha256. and the others).</summary>
    public DnsName Algorithm { get; }

    /// <summary>Seconds since 1970-01-01 UTC when the message was signed.</summary>
    public ulong TimeSigned { get; }

    /// <summary>Seconds of clock error permitted either side of <see cref="TimeSigned"/>.</summary>
    public ushort Fudge { get; }

    /// <summary>The MAC, possibly truncated (RFC 8945 §5.2.2.1); empty in an unsigned error response.</summary>
    public ReadOnlyMemory<byte> Mac => _mac;

    /// <summary>The message ID when it was signed (a forwarder may have changed the header ID).</summary>
    public ushort OriginalId { get; }

    /// <summary>The TSIG error: NOERROR, or BADSIG, BADKEY, BADTIME, BADTRUNC ... (RFC 8945 §3).</summary>
    public DnsRcode Error { get; }

    /// <summary>Other Data: the server's time in a BADTIME response, otherwise empty.</summary>
    public ReadOnlyMemory<byte> OtherData => _otherData;

    /// <summary>The server's clock (seconds since 1970) that a BADTIME response carries in Other Data (RFC 8945 §5.2.3), else null.</summary>
    public ulong? ServerTime => Error == DnsRcode.BadTime && _otherData.Length == ServerTimeLength ? ReadUInt48(_otherData) : null;

    /// <inheritdoc/>
    public override RecordType Type => RecordType.TSIG;

    internal static TsigData ReadRdata(ref DnsReader reader)
    {
        int start = reader.Position;
        var algorithm = reader.ReadName();
        // RFC 8945 §4.2: the algorithm name MUST NOT be compressed; a pointer makes the octets read differ from the name's length.
        if (reader.Position - start != algorithm.WireLength)
            throw new DnsFormatException(DnsFormatError.BadRdata, start, "the TSIG algorithm name is compressed (RFC 8945 §4.2)");
        ulong timeSigned = reader.ReadUInt48();
        ushort fudge = reader.ReadUInt16();
        var mac = reader.ReadBytes(reader.ReadUInt16());
        ushort originalId = reader.ReadUInt16();
        var error = (DnsRcode)reader.ReadUInt16();
        var otherData = reader.ReadBytes(reader.ReadUInt16());
        return new TsigData(algorithm, timeSigned, fudge, mac, originalId, error, otherData);
    }

    /// <summary>Parses BIND's presentation form: "hmac-sha256. 1700000000 300 32 base64mac 4660 NOERROR 0".</summary>
    internal static TsigData Parse(PresentationTokens tokens)
    {
        var algorithm = tokens.NextName("the algorithm name");
        ulong timeSigned = tokens.NextNumber("the time signed", MaxTimeSigned);
        ushort fudge = tokens.NextUInt16("the fudge");
        var mac = NextBase64(tokens, tokens.NextUInt16("the MAC size"), "the MAC");
        ushort originalId = tokens.NextUInt16("the original ID");
        var errorToken = tokens.Next("the error");
        if (errorToken.Quoted || !TsigErrorText.TryParse(errorToken.Text, out var error))
            throw tokens.Error($"expected the error (NOERROR, BADSIG, BADKEY, BADTIME, BADTRUNC ... or a number), found '{errorToken.Text}'", errorToken);
        var otherData = NextBase64(tokens, tokens.NextUInt16("the other data length"), "the other data");
        return new TsigData(algorithm, timeSigned, fudge, mac, originalId, error, otherData);
    }

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer) =>
        WriteFields(ref writer, Algorithm, TimeSigned, Fudge, _mac, OriginalId, Error, _otherData);

    /// <summary>Writes TSIG RDATA from its fields, so a signer need not build an instance.</summary>
    internal static void WriteFields(ref DnsWriter writer, DnsName algorithm, ulong timeSigned, ushort fudge,
        ReadOnlySpan<byte> mac, ushort originalId, DnsRcode error, ReadOnlySpan<byte> otherData)
    {
        // RFC 8945 §4.2 with RFC 3597 §4: not compressed; TSIG is not in RFC 4034 §6.2's lowercase list.
        writer.WriteName(algorithm, compress: false, lowercaseWhenCanonical: false);
        writer.WriteUInt48(timeSigned);
        writer.WriteUInt16(fudge);
        writer.WriteUInt16((ushort)mac.Length);
        writer.WriteBytes(mac);
        writer.WriteUInt16(originalId);
        writer.WriteUInt16((ushort)error);
        writer.WriteUInt16((ushort)otherData.Length);
        writer.WriteBytes(otherData);
    }

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder)
    {
        Algorithm.AppendPresentation(builder);
        builder.Append(' ').Append(TimeSigned).Append(' ').Append(Fudge).Append(' ').Append(_mac.Length);
        if (_mac.Length > 0)
            PresentationText.AppendBase64(builder.Append(' '), _mac);
        builder.Append(' ').Append(OriginalId).Append(' ').Append(TsigErrorText.ToText(Error)).Append(' ').Append(_otherData.Length);
        if (_otherData.Length > 0)
            PresentationText.AppendBase64(builder.Append(' '), _otherData);
    }

    internal static ulong ReadUInt48(ReadOnlySpan<byte> bytes) =>
        ((ulong)BinaryPrimitives.ReadUInt16BigEndian(bytes) << 32) | BinaryPrimitives.ReadUInt32BigEndian(bytes[2..]);

    internal static void WriteUInt48(Span<byte> destination, ulong value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)(value >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(destination[2..], (uint)value);
    }

    /// <summary>
    /// Reads <paramref name="length"/> octets of base64, which may be split over several fields (BIND
    /// splits long values): fields are taken until they hold the 4*ceil(n/3) characters n octets need.
    /// </summary>
    private static byte[] NextBase64(PresentationTokens tokens, int length, string field)
    {
        if (length == 0)
            return [];
        int expected = (length + 2) / 3 * 4;
        var text = new StringBuilder(expected);
        var first = tokens.Next(field);
        text.Append(first.Text);
        while (text.Length < expected)
            text.Append(tokens.Next(field).Text);
        var bytes = new byte[length + 2];
        if (text.Length != expected || !Convert.TryFromBase64String(text.ToString(), bytes, out int written) || written != length)
            throw tokens.Error($"expected {field} as {length} octets in base64", first);
        return bytes[..length];
    }
}
