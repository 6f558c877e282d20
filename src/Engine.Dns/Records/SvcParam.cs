namespace SecondaryPortal.Dns.Records;

/// <summary>One SvcParam of an SVCB or HTTPS record: a key and its value in wire form (RFC 9460 §2.2).</summary>
public sealed class SvcParam
{
    /// <summary>A parameter; the value must have the key's wire format (checked for the keys of <see cref="SvcParamKey"/>).</summary>
    public SvcParam(SvcParamKey key, byte[] value)
    {
        if (value.Length > ushort.MaxValue)
            throw new ArgumentException("a SvcParamValue holds at most 65535 octets", nameof(value));
        if (SvcParamValues.CheckWire(key, value) is { } problem)
            throw new ArgumentException(problem, nameof(value));
        Key = key;
        Value = value;
    }

    /// <summary>The key.</summary>
    public SvcParamKey Key { get; }

    /// <summary>The value in wire form (empty for keys without a value, such as no-default-alpn).</summary>
    public ReadOnlyMemory<byte> Value { get; }

    /// <inheritdoc/>
    public override string ToString()
    {
        var builder = new System.Text.StringBuilder();
        SvcParamValues.AppendPresentation(builder, Key, Value.Span);
        return builder.ToString();
    }
}
