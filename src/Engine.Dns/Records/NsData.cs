using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>An authoritative name server (RFC 1035 §3.3.11).</summary>
public sealed class NsData(DnsName target) : SingleNameData(target)
{
    /// <inheritdoc/>
    public override RecordType Type => RecordType.NS;

    /// <inheritdoc/>
    protected override bool Compressible => true;
}
