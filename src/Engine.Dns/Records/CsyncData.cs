using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>Child-to-parent synchronization: which child records the parent should copy (RFC 7477 §2.1).</summary>
public sealed class CsyncData(uint soaSerial, ushort flags, TypeBitmap types) : RecordData
{
    /// <summary>"immediate" (RFC 7477 §2.1.1.2.1): the parent may act without waiting for the serial.</summary>
    public const ushort ImmediateFlag = 0x0001;

    /// <summary>"soaminimum" (RFC 7477 §2.1.1.2.2): act only when the child's SOA serial is at least <see cref="SoaSerial"/>.</summary>
    public const ushort SoaMinimumFlag = 0x0002;

    /// <summary>The child SOA serial the request refers to.</summary>
    public uint SoaSerial { get; } = soaSerial;

    /// <summary>The flags (immediate, soaminimum).</summary>
    public ushort Flags { get; } = flags;

    /// <summary>The types to synchronize (NS, A, AAAA).</summary>
    public TypeBitmap Types { get; } = types;

    /// <inheritdoc/>
    public override RecordType Type => RecordType.CSYNC;

    internal static CsyncData ReadRdata(ref DnsReader reader) =>
        new(reader.ReadUInt32(), reader.ReadUInt16(), TypeBitmap.Read(ref reader));

    internal static CsyncData Parse(PresentationTokens tokens) =>
        new(tokens.NextUInt32("the SOA serial"), tokens.NextUInt16("the flags"), TypeBitmap.Parse(tokens));

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer)
    {
        writer.WriteUInt32(SoaSerial);
        writer.WriteUInt16(Flags);
        Types.Write(ref writer);
    }

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder)
    {
        builder.Append(SoaSerial).Append(' ').Append(Flags);
        Types.AppendPresentation(builder);
    }
}
