namespace SecondaryPortal.Dns.Messages;

/// <summary>What <see cref="IncomingQuery.TryRead"/> made of a datagram or TCP message.</summary>
public enum QueryParseStatus
{
    /// <summary>A well-formed request with one question.</summary>
    Ok,
    /// <summary>Fewer than 12 octets, or a response (QR set): not answered at all, so no reflection loop starts.</summary>
    Ignore,
    /// <summary>The header is readable but the rest is malformed: answer FORMERR (RFC 1035 §4.1.1).</summary>
    FormatError,
}
