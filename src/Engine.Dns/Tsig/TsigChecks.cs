using System.Diagnostics.CodeAnalysis;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tsig;

/// <summary>
/// The checks RFC 8945 §5.2 and §5.4 share between single messages and streams, each returning the
/// failure it found. The MAC itself is compared by the caller, which owns the digest.
/// </summary>
internal static class TsigChecks
{
    /// <summary>
    /// Finds the TSIG of a parsed message and checks its fixed fields (RFC 8945 §4.2: class ANY, TTL 0);
    /// a record that fails them "cannot be interpreted" (§5.2), which is FORMERR.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not what <paramref name="message"/> was parsed from.</exception>
    public static bool TryFindRecord(ReadOnlySpan<byte> bytes, DnsMessage message, [NotNullWhen(true)] out DnsName? keyName,
        [NotNullWhen(true)] out TsigData? tsig, [NotNullWhen(false)] out TsigVerification? failure)
    {
        keyName = null;
        tsig = null;
        if (message.Tsig is not { } record)
        {
            failure = TsigVerification.Fail(TsigStatus.Unsigned, "the message has no TSIG record");
            return false;
        }
        if (message.TsigOffset < DnsHeader.Size || message.TsigOffset >= bytes.Length)
            throw new ArgumentException("the bytes are not those the message was parsed from", nameof(bytes));
        if (record.Data is not TsigData data || record.Class != DnsClass.ANY || record.Ttl != 0)
        {
            failure = TsigVerification.Fail(TsigStatus.FormErr, "the TSIG record's class is not ANY or its TTL is not 0 (RFC 8945 §4.2)", record.Name);
            return false;
        }
        keyName = record.Name;
        tsig = data;
        failure = null;
        return true;
    }

    /// <summary>
    /// A response must use the request's key name and algorithm (RFC 8945 §5.3); an unsigned TSIG is only
    /// acceptable as the server's BADSIG or BADKEY report (§5.3.2), which is a peer error.
    /// </summary>
    public static TsigVerification? CheckResponseKey(DnsName keyName, TsigData tsig, TsigKey key)
    {
        if (keyName != key.Name || tsig.Algorithm != key.Algorithm.Name)
            return TsigVerification.Fail(TsigStatus.BadKey, $"the response is signed with key {keyName} ({tsig.Algorithm}), the request with {key.Name} ({key.Algorithm.Name})", keyName, null, tsig);
        if (tsig.Mac.IsEmpty && tsig.Error != DnsRcode.NoError)
            return TsigVerification.Fail(TsigStatus.PeerError, $"the peer answered {TsigErrorText.ToText(tsig.Error)} without a MAC", keyName, key, tsig);
        return null;
    }

    /// <summary>
    /// RFC 8945 §5.2.2.1: a MAC longer than the hash (case 1) or shorter than max(10, half the hash)
    /// (case 3, which includes an empty MAC on a request) is a FORMERR.
    /// </summary>
    public static TsigVerification? CheckMacSize(DnsName keyName, TsigData tsig, TsigKey key)
    {
        int size = tsig.Mac.Length;
        var algorithm = key.Algorithm;
        if (size > algorithm.MacSize)
            return TsigVerification.Fail(TsigStatus.FormErr, $"the MAC has {size} octets, more than {algorithm}'s {algorithm.MacSize} (RFC 8945 §5.2.2.1)", keyName, key, tsig);
        if (size < algorithm.MinimumMacSize)
            return TsigVerification.Fail(TsigStatus.FormErr, $"the MAC has {size} octets, fewer than the {algorithm.MinimumMacSize} {algorithm} allows (RFC 8945 §5.2.2.1)", keyName, key, tsig);
        return null;
    }

    /// <summary>
    /// The checks after the MAC matched, in RFC 8945 §5.2's order: time within the fudge (§5.2.3), MAC
    /// not truncated below the key's policy (§5.2.4), and for a response the peer's TSIG error (§5.4).
    /// </summary>
    public static TsigVerification CheckAfterMac(ulong now, DnsName keyName, TsigData tsig, TsigKey key, bool isResponse)
    {
        if (tsig.TimeSigned > now + tsig.Fudge || now > tsig.TimeSigned + tsig.Fudge)
            return TsigVerification.Fail(TsigStatus.BadTime, $"signed at {tsig.TimeSigned}, the time here is {now}, the fudge {tsig.Fudge} seconds (RFC 8945 §5.2.3)", keyName, key, tsig);
        if (tsig.Mac.Length < key.MacSize)
            return TsigVerification.Fail(TsigStatus.BadTrunc, $"the MAC is truncated to {tsig.Mac.Length} octets, the key requires {key.MacSize} (RFC 8945 §5.2.4)", keyName, key, tsig);
        if (isResponse && tsig.Error != DnsRcode.NoError)
            return TsigVerification.Fail(TsigStatus.PeerError, $"the peer reported {TsigErrorText.ToText(tsig.Error)}", keyName, key, tsig);
        return TsigVerification.Ok(keyName, key, tsig);
    }
}
