namespace SecondaryPortal.Dns.Wire;

/// <summary>Why a DNS message or a field in it could not be decoded.</summary>
public enum DnsFormatError
{
    /// <summary>The message ended before a field that it announces.</summary>
    Truncated,
    /// <summary>A name has a label longer than 63 octets (RFC 1035 §2.3.4).</summary>
    LabelTooLong,
    /// <summary>A name is longer than 255 octets in wire form (RFC 1035 §2.3.4).</summary>
    NameTooLong,
    /// <summary>A compression pointer points forward, at itself, or outside the message (RFC 1035 §4.1.4).</summary>
    BadPointer,
    /// <summary>A label type other than a normal label or a pointer (RFC 6891 §5 retired the extended types).</summary>
    BadLabelType,
    /// <summary>RDATA is shorter or longer than its type's layout requires.</summary>
    BadRdata,
    /// <summary>A section holds a record where the protocol forbids it (a second OPT, TSIG not last).</summary>
    BadSection,
    /// <summary>Bytes are left over after the last record the header announces.</summary>
    TrailingData,
}
