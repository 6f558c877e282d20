using System.Globalization;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>
/// Reads a domain as a person types it ("Example.COM", "bücher.example", "https://www.example.com/") into the zone's
/// stored name: lowercase ASCII with the final dot, an IDN label as punycode (IDNA, RFC 5891, via <see cref="IdnMapping"/>).
/// Each syntax error gets its own sentence.
/// </summary>
public static class SiteDomain
{
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = false };

    /// <summary>Checks the syntax of <paramref name="text"/> (not whether the zone is stored: see <see cref="SiteWizardService.CheckDomainAsync"/>).</summary>
    public static DomainCheck Parse(string? text)
    {
        string name = (text ?? "").Trim();
        if (name.Length == 0)
            return Refuse("Enter a domain, such as example.com.");
        if (name.Contains("://", StringComparison.Ordinal) || name.Contains('/'))
            return Refuse("Enter the domain only, without http:// or a path (example.com, not https://example.com/).");
        if (name.Contains('@') || name.Any(char.IsWhiteSpace))
            return Refuse("A domain has no spaces nor @; enter it like example.com.");
        if (name.EndsWith('.'))
            name = name[..^1];
        if (name.Length == 0)
            return Refuse("The root zone cannot be added; enter a domain such as example.com.");
        string[] labels = name.Split('.');
        if (labels.Any(l => l.Length == 0))
            return Refuse("The domain has an empty label (two dots in a row, or a dot at the start).");
        if (labels.Length < 2)
            return Refuse($"Enter the full domain with its top-level domain, such as {name}.com.");
        string ascii;
        try
        {
            ascii = Idn.GetAscii(name).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return Refuse($"\"{name}\" is not a valid internationalized domain name (IDNA, RFC 5891): check for symbols or mixed scripts.");
        }
        foreach (string label in ascii.Split('.'))
        {
            // RFC 1035 §2.3.4: 63 octets a label, 255 a name (253 characters in presentation form without the final dot).
            if (label.Length > 63)
                return Refuse($"The label \"{Shorten(label)}\" is {label.Length} characters long; a label holds at most 63 (RFC 1035 §2.3.4).");
            if (label.StartsWith('-') || label.EndsWith('-'))
                return Refuse($"The label \"{label}\" starts or ends with a hyphen, which a host name may not (RFC 952, RFC 1123 §2.1).");
            if (label.FirstOrDefault(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) is var bad and not '\0')
                return Refuse($"The label \"{label}\" holds '{bad}', which a domain name may not (letters, digits and hyphens only).");
        }
        if (ascii.Length > 253)
            return Refuse($"The domain is {ascii.Length} characters long; a name holds at most 253 (RFC 1035 §2.3.4).");
        if (!DnsName.TryParse(ascii + ".", null, out var parsed, out string error))
            return Refuse($"\"{name}\" is not a valid domain name: {error}.");
        string origin = parsed.ToLowerCase().ToString();
        string display = Idn.GetUnicode(ascii);
        string message = string.Equals(display, ascii, StringComparison.Ordinal)
            ? $"{origin} can be added."
            : $"{display} is stored as {origin} (punycode, RFC 3492).";
        return new DomainCheck(true, origin, display, message);
    }

    /// <summary>How a stored origin reads for a person: Unicode for punycode labels, without the final dot.</summary>
    public static string Display(string origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        string name = origin.TrimEnd('.');
        try
        {
            return name.Length == 0 ? "." : Idn.GetUnicode(name);
        }
        catch (ArgumentException)
        {
            return name;
        }
    }

    private static string Shorten(string label) => label.Length <= 20 ? label : label[..20] + "…";

    private static DomainCheck Refuse(string message) => new(false, null, null, message);
}
