using System.Globalization;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>
/// Mnemonics of the TSIG Error field (RFC 8945 §3, IANA "DNS RCODEs"), as BIND prints them. Value 16 is
/// BADSIG here, never BADVERS: the two share the number but only BADSIG appears in a TSIG record.
/// </summary>
internal static class TsigErrorText
{
    private static readonly (DnsRcode Code, string Text)[] Names =
    [
        (DnsRcode.NoError, "NOERROR"), (DnsRcode.FormErr, "FORMERR"), (DnsRcode.ServFail, "SERVFAIL"),
        (DnsRcode.NXDomain, "NXDOMAIN"), (DnsRcode.NotImp, "NOTIMP"), (DnsRcode.Refused, "REFUSED"),
        (DnsRcode.YXDomain, "YXDOMAIN"), (DnsRcode.YXRRSet, "YXRRSET"), (DnsRcode.NXRRSet, "NXRRSET"),
        (DnsRcode.NotAuth, "NOTAUTH"), (DnsRcode.NotZone, "NOTZONE"), (DnsRcode.BadSig, "BADSIG"),
        (DnsRcode.BadKey, "BADKEY"), (DnsRcode.BadTime, "BADTIME"), (DnsRcode.BadMode, "BADMODE"),
        (DnsRcode.BadName, "BADNAME"), (DnsRcode.BadAlg, "BADALG"), (DnsRcode.BadTrunc, "BADTRUNC"),
        (DnsRcode.BadCookie, "BADCOOKIE"),
    ];

    /// <summary>"BADSIG" for 16, the decimal value for codes without a mnemonic.</summary>
    public static string ToText(DnsRcode error)
    {
        foreach (var (code, text) in Names)
        {
            if (code == error)
                return text;
        }
        return ((ushort)error).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Parses a mnemonic (any case) or a decimal value from 0 to 65535.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DnsRcode error)
    {
        foreach (var (code, name) in Names)
        {
            if (text.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                error = code;
                return true;
            }
        }
        bool parsed = ushort.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ushort value);
        error = (DnsRcode)value;
        return parsed;
    }
}
