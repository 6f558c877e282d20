namespace SecondaryPortal.Dns.Records;

/// <summary>One EDNS option: its code and its octets, uninterpreted (RFC 6891 §6.1.2).</summary>
/// <param name="Code">OPTION-CODE (8 is Client Subnet, 10 is Cookie, 12 is Padding ...).</param>
/// <param name="Data">OPTION-DATA.</param>
public sealed record EdnsOption(ushort Code, ReadOnlyMemory<byte> Data)
{
    /// <summary>EDNS Client Subnet (RFC 7871).</summary>
    public const ushort ClientSubnet = 8;

    /// <summary>DNS Cookie (RFC 7873).</summary>
    public const ushort Cookie = 10;

    /// <summary>Padding (RFC 7830).</summary>
    public const ushort Padding = 12;

    /// <inheritdoc/>
    public bool Equals(EdnsOption? other) => other is not null && other.Code == Code && other.Data.Span.SequenceEqual(Data.Span);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Code, Data.Length);
}
