using System.Globalization;
using System.Net;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Probing;

/// <summary>
/// One sentence per outcome of the check's transfer probe (the SOA came; the transfer is what failed): what the primary
/// did, and the line of its configuration to change. Never an exception's text.
/// </summary>
internal static class TransferProbeMessages
{
    /// <param name="outcome">The probe's outcome.</param>
    /// <param name="probe">What the probe found.</param>
    /// <param name="serial">The serial the SOA query gave.</param>
    /// <param name="key">The key the probe was signed with, or null.</param>
    /// <param name="source">Our address as the primary sees it, or null when unknown (a wildcard listener).</param>
    public static string Describe(PrimaryCheckOutcome outcome, TransferResult probe, uint serial, TsigKey? key, IPAddress? source)
    {
        string zone = probe.Zone.ToString();
        string at = probe.Primary.EndPoint.ToString();
        int port = probe.Primary.EndPoint.Port;
        string us = source is null ? "this server's address" : source.ToString();
        string keyName = key?.Name.ToString() ?? "";
        string keyText = key is null ? "" : $"{key.Name} ({key.Algorithm.Mnemonic})";
        return outcome switch
        {
            PrimaryCheckOutcome.Ok => string.Create(CultureInfo.InvariantCulture,
                $"The primary {at} serves {zone} with serial {serial} and allows us to transfer it (checked in {probe.Duration.TotalMilliseconds:0} ms)."),
            PrimaryCheckOutcome.TransferRefused when key is null =>
                $"The primary answers for {zone} but REFUSED the zone transfer: allow transfers to {us} in your primary's allow-transfer / acl "
                + $"(BIND: allow-transfer {{ {us}; }}; Knot: an acl with address {us} and action transfer). "
                + "If it only allows transfers signed with a TSIG key, the primary wants that key: add the key it uses.",
            PrimaryCheckOutcome.TransferRefused =>
                $"The primary answers for {zone} but REFUSED the zone transfer signed with key {keyText}: allow transfers with this key in your "
                + $"primary's allow-transfer / acl (BIND: allow-transfer {{ key {keyName}; }}; Knot: an acl with key {keyName} and action transfer).",
            PrimaryCheckOutcome.KeyRequired =>
                $"The primary answered NOTAUTH to the unsigned zone transfer of {zone}: the primary wants a TSIG key: add the key it uses "
                + $"(name, algorithm and secret); or, if it should allow {us} without a key, add {us} to its acl for transfers.",
            PrimaryCheckOutcome.TransferNotAuth =>
                $"The primary answered NOTAUTH to the zone transfer signed with key {keyText}: allow transfers with this key in its acl "
                + $"(Knot: an acl with key {keyName} and action transfer; BIND: allow-transfer {{ key {keyName}; }}).",
            PrimaryCheckOutcome.BadKey =>
                $"BADKEY: the primary answers queries signed with key {keyText} but rejects the zone transfer signed with it: allow transfers with "
                + $"this key in its acl (Knot: an acl with key {keyName} and action transfer; BIND: allow-transfer {{ key {keyName}; }}).",
            PrimaryCheckOutcome.BadSig =>
                $"BADSIG: the primary rejected the signature of the zone transfer with key {keyText}; paste the secret again on one side.",
            PrimaryCheckOutcome.BadTime =>
                "BADTIME: this server's clock and the primary's differ by more than the allowed fudge (5 minutes); check NTP on both.",
            PrimaryCheckOutcome.BadTsig =>
                $"The primary's answer to the zone transfer is not signed with key {keyText} or does not verify; check that the primary uses this key for transfers to {us}.",
            PrimaryCheckOutcome.TransferTimeout =>
                $"{at} answers SOA queries, but the zone transfer over TCP got no answer in time: let TCP to port {port} from {us} through the firewall.",
            PrimaryCheckOutcome.TransferConnectionRefused =>
                $"{at} answers over UDP but refused the TCP connection a zone transfer needs: make it listen on TCP port {port} and let TCP from {us} through.",
            PrimaryCheckOutcome.TransferNetworkError =>
                $"The zone transfer from {at} broke off before its first message: check TCP to port {port} from {us} (firewall, routing).",
            _ => probe.Rcode is { } rcode
                ? $"The primary answered the zone transfer of {zone} with {RcodeText(rcode)}: check its logs for the transfer to {us}."
                : $"The primary's answer to the zone transfer of {zone} could not be understood; check its logs for the transfer to {us}.",
        };
    }

    private static string RcodeText(DnsRcode rcode) => rcode.ToString().ToUpperInvariant();
}
