using SecondaryPortal.Dns.Records;

namespace SecondaryPortal.Dns.ZoneData;

/// <summary>
/// A record as a zone tells it apart from others: owner (case-insensitive), class, type and the canonical RDATA
/// (RFC 4034 §6.2), TTL left out, as IXFR deletions match (RFC 1995 §4). The canonical RDATA and the hash are
/// computed once, so a set of a 100,000-record zone is built in one pass.
/// </summary>
internal readonly struct RecordIdentity : IEquatable<RecordIdentity>
{
    private readonly byte[] _rdata;
    private readonly int _hash;

    public RecordIdentity(DnsRecord record)
    {
        Record = record;
        _rdata = record.Data.ToCanonicalWire();
        var hash = new HashCode();
        hash.Add(record.Name);
        hash.Add(record.Type);
        hash.Add(record.Class);
        hash.AddBytes(_rdata);
        _hash = hash.ToHashCode();
    }

    /// <summary>The record this identity was made from.</summary>
    public DnsRecord Record { get; }

    public bool Equals(RecordIdentity other) =>
        _hash == other._hash && Record.Type == other.Record.Type && Record.Class == other.Record.Class
        && Record.Name.Equals(other.Record.Name) && _rdata.AsSpan().SequenceEqual(other._rdata);

    public override bool Equals(object? obj) => obj is RecordIdentity other && Equals(other);

    public override int GetHashCode() => _hash;
}
