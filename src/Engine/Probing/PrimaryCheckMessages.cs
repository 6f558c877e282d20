using System.Globalization;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Probing;

/// <summary>One sentence per check outcome: what the primary did, and what to look at to fix it.</summary>
internal static class PrimaryCheckMessages
{
    public static string Describe(PrimaryCheckOutcome outcome, SoaQueryResult answer, TsigKey? key)
    {
        string zone = answer.Zone.ToString();
        string at = answer.Primary.EndPoint.ToString();
        string keyText = key is null ? "" : $"{key.Name} ({key.Algorithm.Mnemonic})";
        return outcome switch
        {
            PrimaryCheckOutcome.Ok => string.Create(CultureInfo.InvariantCulture,
                $"The primary {at} serves {zone} with serial {answer.Soa!.Serial} (answered in {answer.Duration.TotalMilliseconds:0} ms)."),
            PrimaryCheckOutcome.Timeout =>
                $"No answer from {at} over UDP or TCP: check the address and port, that the server runs, and that a firewall lets DNS from this server through.",
            PrimaryCheckOutcome.ConnectionRefused =>
                $"{at} refused the connection: no name server listens on that address and port; check both.",
            PrimaryCheckOutcome.NetworkError =>
                $"{at} cannot be reached from this server: check the address and the network path (routing, firewall).",
            PrimaryCheckOutcome.Refused =>
                $"The primary answered REFUSED: check that it serves {zone}, and allow queries and transfers from this server's address in its ACL.",
            PrimaryCheckOutcome.NotAuth => key is null
                ? $"The primary answered NOTAUTH: it is not authoritative for {zone}, or it requires a TSIG key from this server; check the zone and add the key."
                : $"The primary answered NOTAUTH: it is not authoritative for {zone}; check the zone name in its configuration.",
            PrimaryCheckOutcome.NotAuthoritative =>
                $"The primary answered without authority for {zone} (no AA bit or no SOA of the zone): it does not serve {zone} as a zone; check the zone name in its configuration.",
            PrimaryCheckOutcome.BadKey =>
                $"BADKEY: the primary does not know key {keyText}; check the key name and algorithm on both sides.",
            PrimaryCheckOutcome.BadSig =>
                $"BADSIG: the secret of key {keyText} differs from the primary's; paste the secret again on one side.",
            PrimaryCheckOutcome.BadTime =>
                "BADTIME: this server's clock and the primary's differ by more than the allowed fudge (5 minutes); check NTP on both.",
            PrimaryCheckOutcome.BadTsig => key is null
                ? "The primary's answer has a TSIG this server cannot check; configure the key the primary uses."
                : $"The primary's answer is not signed with key {keyText} or its signature does not verify; check that the primary uses this key for this server.",
            PrimaryCheckOutcome.ServerFailure => answer.Rcode == DnsRcode.ServFail
                ? $"The primary answered SERVFAIL: it cannot serve {zone} now (it may have failed to load it); check its logs."
                : $"The primary answered {RcodeText(answer.Rcode)} for {zone}; check that it serves this zone.",
            _ => $"The answer from {at} could not be understood; check that a name server listens there.",
        };
    }

    private static string RcodeText(DnsRcode? rcode) => rcode is { } value ? value.ToString().ToUpperInvariant() : "an error";
}
