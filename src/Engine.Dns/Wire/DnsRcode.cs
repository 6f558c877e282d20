// The members are the registry mnemonics (IANA DNS parameters); each is its own documentation.
#pragma warning disable CS1591

namespace SecondaryPortal.Dns.Wire;

/// <summary>
/// Response codes, including the extended values that need EDNS (upper 8 bits in the OPT TTL, RFC 6891 §6.1.3)
/// and the TSIG error values carried in the TSIG record (RFC 8945 §3).
/// </summary>
public enum DnsRcode : ushort
{
    NoError = 0, FormErr = 1, ServFail = 2, NXDomain = 3, NotImp = 4, Refused = 5,
    YXDomain = 6, YXRRSet = 7, NXRRSet = 8, NotAuth = 9, NotZone = 10, DsoTypeNI = 11,
    /// <summary>BADVERS in an OPT record, or BADSIG in a TSIG record (RFC 6891, RFC 8945).</summary>
    BadVers = 16,
    /// <summary>TSIG signature failure (RFC 8945 §5.2.2); the same value as BADVERS.</summary>
    BadSig = 16,
    BadKey = 17, BadTime = 18, BadMode = 19, BadName = 20, BadAlg = 21, BadTrunc = 22, BadCookie = 23,
}
