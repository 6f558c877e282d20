using SecondaryPortal.Dns.Records;

namespace SecondaryPortal.Dns.Messages;

/// <summary>The EDNS0 parameters a message carries in its OPT record (RFC 6891 §6.1.3).</summary>
public sealed record Edns
{
    /// <summary>Smallest UDP payload size a sender may announce; smaller values are treated as 512 (RFC 6891 §6.2.3).</summary>
    public const ushort MinimumUdpPayloadSize = 512;

    /// <summary>Largest UDP payload the sender can receive.</summary>
    public ushort UdpPayloadSize { get; init; } = 1232;

    /// <summary>EDNS version; 0 is the only one defined.</summary>
    public byte Version { get; init; }

    /// <summary>The DO bit: the sender wants DNSSEC records (RFC 3225).</summary>
    public bool DnssecOk { get; init; }

    /// <summary>The other 15 flag bits, kept as received (must be zero when sent, RFC 6891 §6.1.4).</summary>
    public ushort OtherFlags { get; init; }

    /// <summary>Options, uninterpreted.</summary>
    public IReadOnlyList<EdnsOption> Options { get; init; } = [];

    /// <summary>Finds the first option with <paramref name="code"/>.</summary>
    public EdnsOption? Find(ushort code) => Options.FirstOrDefault(o => o.Code == code);

    /// <inheritdoc/>
    public bool Equals(Edns? other) =>
        other is not null && UdpPayloadSize == other.UdpPayloadSize && Version == other.Version && DnssecOk == other.DnssecOk
        && OtherFlags == other.OtherFlags && Options.SequenceEqual(other.Options);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(UdpPayloadSize, Version, DnssecOk, Options.Count);
}
