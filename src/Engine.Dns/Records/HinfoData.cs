using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>Host information: CPU and operating system (RFC 1035 §3.3.2; RFC 8482 §4.2 reuses it for ANY).</summary>
public sealed class HinfoData : RecordData
{
    /// <summary>HINFO data; each string is at most 255 octets.</summary>
    public HinfoData(byte[] cpu, byte[] os)
    {
        if (cpu.Length > 255 || os.Length > 255)
            throw new ArgumentException("HINFO strings hold at most 255 octets");
        Cpu = cpu;
        Os = os;
    }

    /// <summary>The CPU type.</summary>
    public ReadOnlyMemory<byte> Cpu { get; }

    /// <summary>The operating system.</summary>
    public ReadOnlyMemory<byte> Os { get; }

    /// <inheritdoc/>
    public override RecordType Type => RecordType.HINFO;

    internal static HinfoData ReadRdata(ref DnsReader reader) =>
        new(reader.ReadCharacterString().ToArray(), reader.ReadCharacterString().ToArray());

    internal static HinfoData Parse(PresentationTokens tokens) =>
        new(tokens.NextCharacterString("the CPU"), tokens.NextCharacterString("the operating system"));

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer)
    {
        writer.WriteCharacterString(Cpu.Span);
        writer.WriteCharacterString(Os.Span);
    }

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder)
    {
        PresentationText.AppendQuoted(builder, Cpu.Span);
        builder.Append(' ');
        PresentationText.AppendQuoted(builder, Os.Span);
    }
}
