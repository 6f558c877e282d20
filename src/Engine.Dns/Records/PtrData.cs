using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>A pointer to another name (RFC 1035 §3.3.12).</summary>
public sealed class PtrData(DnsName target) : SingleNameData(target)
{
    /// <inheritdoc/>
    public override RecordType Type => RecordType.PTR;

    /// <inheritdoc/>
    protected override bool Compressible => true;
}
