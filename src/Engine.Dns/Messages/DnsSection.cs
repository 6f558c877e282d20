namespace SecondaryPortal.Dns.Messages;

/// <summary>The record sections of a message, in the order they are written (RFC 1035 §4.1).</summary>
public enum DnsSection
{
    /// <summary>Records that answer the question.</summary>
    Answer,
    /// <summary>Records about the authority (NS of a referral, SOA of a negative answer).</summary>
    Authority,
    /// <summary>Records that help (glue addresses, OPT).</summary>
    Additional,
}
