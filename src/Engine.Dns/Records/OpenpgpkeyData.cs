using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>An OpenPGP transferable public key (RFC 7929 §2).</summary>
public sealed class OpenpgpkeyData : RecordData
{
    /// <summary>OPENPGPKEY data; the key is not empty.</summary>
    public OpenpgpkeyData(byte[] key)
    {
        if (key.Length == 0)
            throw new ArgumentException("the key is empty", nameof(key));
        Key = key;
    }

    /// <summary>The key octets (RFC 4880 §11.1).</summary>
    public ReadOnlyMemory<byte> Key { get; }

    /// <inheritdoc/>
    public override RecordType Type => RecordType.OPENPGPKEY;

    internal static OpenpgpkeyData ReadRdata(ref DnsReader reader)
    {
        if (reader.Remaining == 0)
            throw new DnsFormatException(DnsFormatError.Truncated, reader.Position, "the key is empty");
        return new OpenpgpkeyData(reader.ReadRest().ToArray());
    }

    internal static OpenpgpkeyData Parse(PresentationTokens tokens) =>
        new(RdataText.RemainingBase64(tokens, "the key in base64"));

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer) => writer.WriteBytes(Key.Span);

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder) => PresentationText.AppendBase64(builder, Key.Span);
}
