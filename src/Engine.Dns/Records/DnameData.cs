using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>Redirection of a whole subtree (RFC 6672); never compressed (RFC 6672 §2.5).</summary>
public sealed class DnameData(DnsName target) : SingleNameData(target)
{
    /// <inheritdoc/>
    public override RecordType Type => RecordType.DNAME;

    /// <inheritdoc/>
    protected override bool Compressible => false;
}
