namespace SecondaryPortal.Dns.Tsig;

/// <summary>The outcome of checking a message's TSIG (RFC 8945 §5.2 for requests, §5.4 for responses).</summary>
public enum TsigStatus
{
    /// <summary>The MAC verified, the time is within the fudge and the MAC is long enough; or an unsigned
    /// intermediate message of a stream was accepted.</summary>
    Ok,

    /// <summary>A TSIG was required but the message has none (RFC 8945 §5.4; §5.3.1 for streams: the first
    /// and last messages, and at least one in every 100, must be signed).</summary>
    Unsigned,

    /// <summary>The TSIG cannot be interpreted: class not ANY, TTL not 0, or a MAC size RFC 8945 §5.2.2.1
    /// forbids (longer than the hash, or shorter than max(10, half the hash)). Answer FORMERR.</summary>
    FormErr,

    /// <summary>The key name or algorithm is unknown, or does not match the request's (RFC 8945 §5.2.1).</summary>
    BadKey,

    /// <summary>The MAC does not match (RFC 8945 §5.2.2).</summary>
    BadSig,

    /// <summary>The MAC matched but the time signed is outside the fudge (RFC 8945 §5.2.3).</summary>
    BadTime,

    /// <summary>The MAC matched but is truncated below the key's local policy (RFC 8945 §5.2.4).</summary>
    BadTrunc,

    /// <summary>The peer answered with a TSIG error (BADSIG, BADKEY, BADTIME, BADTRUNC ...) in its TSIG record;
    /// see <see cref="TsigVerification.Record"/>'s Error (RFC 8945 §5.4).</summary>
    PeerError,
}
