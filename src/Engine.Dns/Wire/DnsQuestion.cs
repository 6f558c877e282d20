namespace SecondaryPortal.Dns.Wire;

/// <summary>One entry of the question section (RFC 1035 §4.1.2).</summary>
/// <param name="Name">QNAME, with the case the client used.</param>
/// <param name="Type">QTYPE.</param>
/// <param name="Class">QCLASS.</param>
public sealed record DnsQuestion(DnsName Name, RecordType Type, DnsClass Class = DnsClass.IN)
{
    /// <summary>Presentation form, as dig prints it.</summary>
    public override string ToString() => $"{Name} {DnsClassNames.ToText(Class)} {RecordTypeNames.ToText(Type)}";
}
