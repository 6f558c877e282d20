using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tsig;

/// <summary>
/// The result of checking one message's TSIG, with what a server needs to answer: the key, the request's
/// TSIG (its MAC goes into the response digest, RFC 8945 §4.3.1) and the error to report (§5.3.2).
/// </summary>
public sealed class TsigVerification
{
    private TsigVerification(TsigStatus status, DnsName? keyName, TsigKey? key, TsigData? record, string? reason)
    {
        Status = status;
        KeyName = keyName;
        Key = key;
        Record = record;
        Reason = reason;
    }

    /// <summary>What the check found.</summary>
    public TsigStatus Status { get; }

    /// <summary>True when <see cref="Status"/> is <see cref="TsigStatus.Ok"/>.</summary>
    public bool IsOk => Status == TsigStatus.Ok;

    /// <summary>The owner name of the TSIG record received (the key name it claims), or null when there was none.</summary>
    public DnsName? KeyName { get; }

    /// <summary>The key the message was checked with; null when it had no TSIG or the key is unknown.</summary>
    public TsigKey? Key { get; }

    /// <summary>The TSIG RDATA received, or null when the message had none (or an accepted unsigned stream message).</summary>
    public TsigData? Record { get; }

    /// <summary>Why the check failed, for logs (never contains the secret); null when it passed.</summary>
    public string? Reason { get; }

    /// <summary>The TSIG Error a server puts in its response (RFC 8945 §5.2): BADSIG, BADKEY, BADTIME, BADTRUNC, or NOERROR.</summary>
    public DnsRcode TsigError => Status switch
    {
        TsigStatus.BadSig => DnsRcode.BadSig,
        TsigStatus.BadKey => DnsRcode.BadKey,
        TsigStatus.BadTime => DnsRcode.BadTime,
        TsigStatus.BadTrunc => DnsRcode.BadTrunc,
        _ => DnsRcode.NoError,
    };

    /// <summary>
    /// The header RCODE of a server's error response: NOTAUTH for TSIG errors (RFC 8945 §5.2.1 to §5.2.4),
    /// FORMERR for an uninterpretable TSIG (§5.2, §5.2.2.1), NOERROR otherwise.
    /// </summary>
    public DnsRcode ResponseRcode => Status switch
    {
        TsigStatus.FormErr => DnsRcode.FormErr,
        TsigStatus.BadSig or TsigStatus.BadKey or TsigStatus.BadTime or TsigStatus.BadTrunc => DnsRcode.NotAuth,
        _ => DnsRcode.NoError,
    };

    /// <summary>A passed check.</summary>
    internal static TsigVerification Ok(DnsName keyName, TsigKey key, TsigData record) => new(TsigStatus.Ok, keyName, key, record, null);

    /// <summary>An unsigned message of a stream, accepted because a later one will be signed (RFC 8945 §5.3.1).</summary>
    internal static TsigVerification UnsignedAccepted(TsigKey key) => new(TsigStatus.Ok, null, key, null, null);

    /// <summary>A failed check.</summary>
    internal static TsigVerification Fail(TsigStatus status, string reason, DnsName? keyName = null, TsigKey? key = null, TsigData? record = null) =>
        new(status, keyName, key, record, reason);

    /// <summary>The status and, when it failed, why.</summary>
    public override string ToString() => Reason is null ? Status.ToString() : $"{Status}: {Reason}";
}
