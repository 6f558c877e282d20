using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>The canonical name of an alias (RFC 1035 §3.3.1).</summary>
public sealed class CnameData(DnsName target) : SingleNameData(target)
{
    /// <inheritdoc/>
    public override RecordType Type => RecordType.CNAME;

    /// <inheritdoc/>
    protected override bool Compressible => true;
}
