using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>One or more character-strings (RFC 1035 §3.3.14); also the layout of SPF (RFC 7208 §3).</summary>
public sealed class TxtData : RecordData
{
    private readonly RecordType _type;

    /// <summary>TXT data made of <paramref name="strings"/>, each at most 255 octets.</summary>
    public TxtData(IReadOnlyList<byte[]> strings, RecordType type = RecordType.TXT)
    {
        if (strings.Count == 0)
            throw new ArgumentException("TXT data holds at least one string", nameof(strings));
        if (strings.Any(s => s.Length > 255))
            throw new ArgumentException("each TXT string holds at most 255 octets", nameof(strings));
        Strings = strings;
        _type = type;
    }

    /// <summary>TXT data from text strings (UTF-8).</summary>
    public TxtData(params string[] strings)
        : this(strings.Select(Encoding.UTF8.GetBytes).ToArray())
    {
    }

    /// <summary>The strings, as octets.</summary>
    public IReadOnlyList<byte[]> Strings { get; }

    /// <inheritdoc/>
    public override RecordType Type => _type;

    internal static TxtData ReadRdata(ref DnsReader reader, RecordType type)
    {
        var strings = new List<byte[]>();
        do
        {
            strings.Add(reader.ReadCharacterString().ToArray());
        }
        while (reader.Remaining > 0);
        return new TxtData(strings, type);
    }

    internal static TxtData Parse(PresentationTokens tokens, RecordType type)
    {
        var strings = new List<byte[]> { tokens.NextCharacterString("a string") };
        while (!tokens.AtEnd)
            strings.Add(tokens.NextCharacterString("a string"));
        return new TxtData(strings, type);
    }

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer)
    {
        for (int i = 0; i < Strings.Count; i++)   // indexed: a foreach over the interface would allocate an enumerator
            writer.WriteCharacterString(Strings[i]);
    }

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder)
    {
        for (int i = 0; i < Strings.Count; i++)
        {
            if (i > 0)
                builder.Append(' ');
            PresentationText.AppendQuoted(builder, Strings[i]);
        }
    }
}
