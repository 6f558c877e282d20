using System.Security.Cryptography;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Transfer;

/// <summary>Checks and words shared by the SOA query, the transfers and NOTIFY.</summary>
internal static class ResponseChecks
{
    /// <summary>An unpredictable message ID (RFC 5452 §4.3).</summary>
    public static ushort RandomId() => (ushort)RandomNumberGenerator.GetInt32(0, 0x10000);

    /// <summary>
    /// True when <paramref name="response"/> answers our request: QR set, same ID and opcode, and the same single
    /// question (RFC 5452 §9.1; the name compares without case, RFC 4343).
    /// </summary>
    public static bool Matches(DnsMessage response, ushort id, DnsOpcode opcode, DnsQuestion question) =>
        response.IsResponse && response.Id == id && response.Opcode == opcode
        && response.Questions.Count == 1 && response.Questions[0].Equals(question);

    /// <summary>An RCODE as dig prints it: "REFUSED".</summary>
    public static string RcodeText(DnsRcode rcode) => TsigErrorText.ToText(rcode);

    /// <summary>What an error RCODE from a server usually means, to put after its name.</summary>
    public static string RcodeHint(DnsRcode rcode) => rcode switch
    {
        DnsRcode.Refused => " (the server does not serve the zone, or does not allow us)",
        DnsRcode.NotAuth => " (the server is not authoritative for the zone)",
        DnsRcode.ServFail => " (the server cannot serve the zone now; it may have failed to load it)",
        DnsRcode.NotImp => " (the server does not implement this request)",
        DnsRcode.FormErr => " (the server could not understand the request)",
        DnsRcode.NXDomain => " (the server says the zone's name does not exist)",
        _ => "",
    };

    /// <summary>A failed TSIG check of an answer, in plain words with what to look at.</summary>
    public static string DescribeTsig(TsigVerification verification, TsigKey key)
    {
        if (verification.Status == TsigStatus.PeerError)
        {
            var error = verification.Record?.Error ?? DnsRcode.NoError;
            string hint = error switch
            {
                DnsRcode.BadKey => $": it does not know key {key.Name} with algorithm {key.Algorithm}",
                DnsRcode.BadSig => $": the secret of key {key.Name} differs between us and the server",
                DnsRcode.BadTime => ": our clock and the server's differ by more than the allowed fudge",
                _ => "",
            };
            return $"the server rejected our TSIG signature with {RcodeText(error)}{hint}";
        }
        return verification.Status == TsigStatus.Unsigned
            ? $"the answer is not signed with key {key.Name} ({verification.Reason})"
            : $"the answer's TSIG does not verify with key {key.Name}: {verification.Reason}";
    }
}
