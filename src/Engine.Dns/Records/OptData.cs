using System.Text;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>The options of an OPT pseudo-record (RFC 6891 §6.1.2), each kept as code and octets.</summary>
public sealed class OptData(IReadOnlyList<EdnsOption> options) : RecordData
{
    /// <summary>The options in the order they were given.</summary>
    public IReadOnlyList<EdnsOption> Options { get; } = options;

    /// <inheritdoc/>
    public override RecordType Type => RecordType.OPT;

    internal static OptData ReadRdata(ref DnsReader reader)
    {
        if (reader.Remaining == 0)
            return new OptData([]);
        var options = new List<EdnsOption>();
        while (reader.Remaining > 0)
        {
            ushort code = reader.ReadUInt16();
            int length = reader.ReadUInt16();
            options.Add(new EdnsOption(code, reader.ReadBytes(length).ToArray()));
        }
        return new OptData(options);
    }

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer)
    {
        foreach (var option in Options)
        {
            writer.WriteUInt16(option.Code);
            writer.WriteUInt16((ushort)option.Data.Length);
            writer.WriteBytes(option.Data.Span);
        }
    }

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder)
    {
        foreach (var option in Options)
            builder.Append(" OPTION").Append(option.Code).Append('=').Append(Convert.ToHexString(option.Data.Span));
    }
}
