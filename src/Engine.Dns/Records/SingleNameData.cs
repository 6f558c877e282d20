using System.Text;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>RDATA that is one domain name (NS, CNAME, PTR, DNAME).</summary>
public abstract class SingleNameData(DnsName target) : RecordData
{
    /// <summary>The name the record points to.</summary>
    public DnsName Target { get; } = target;

    /// <summary>Whether this type's name may be compressed (RFC 3597 §4: only the RFC 1035 types).</summary>
    protected abstract bool Compressible { get; }

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer) => writer.WriteName(Target, Compressible);

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder) => Target.AppendPresentation(builder);
}
