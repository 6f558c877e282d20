namespace SecondaryPortal.Dns.Wire;

/// <summary>
/// A zone serial with RFC 1982 sequence-space arithmetic (SERIAL_BITS = 32): comparisons wrap around,
/// and two serials exactly 2^31 apart are incomparable.
/// </summary>
public readonly record struct SerialNumber(uint Value)
{
    private const uint Half = 1u << 31;

    /// <summary>RFC 1982 §3.1: adds <paramref name="increment"/>, which must be at most 2^31 - 1.</summary>
    public SerialNumber Add(uint increment)
    {
        if (increment > Half - 1)
            throw new ArgumentOutOfRangeException(nameof(increment), "RFC 1982 allows adding at most 2^31 - 1");
        return new SerialNumber(unchecked(Value + increment));
    }

    /// <summary>RFC 1982 §3.2: true when this serial is greater than <paramref name="other"/>.</summary>
    public bool IsNewerThan(SerialNumber other) =>
        (Value < other.Value && other.Value - Value > Half) || (Value > other.Value && Value - other.Value < Half);

    /// <summary>True when this serial is less than <paramref name="other"/> (RFC 1982 §3.2).</summary>
    public bool IsOlderThan(SerialNumber other) => other.IsNewerThan(this);

    /// <summary>
    /// Orders two serials: positive when this is newer, negative when older, zero when equal, and null when
    /// they are exactly 2^31 apart, which RFC 1982 leaves undefined.
    /// </summary>
    public int? CompareSequence(SerialNumber other)
    {
        if (Value == other.Value)
            return 0;
        if (IsNewerThan(other))
            return 1;
        if (IsOlderThan(other))
            return -1;
        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
