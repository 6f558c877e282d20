using System.Globalization;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Portal.Services.Zones;

/// <summary>Zone names between what people type and read (Unicode) and what is stored (lowercase punycode, RFC 5891).</summary>
public static class ZoneNames
{
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = false };

    /// <summary>The stored name as people read it: the Unicode form of an IDN, else the name itself.</summary>
    public static string Display(string origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (!origin.Contains("xn--", StringComparison.OrdinalIgnoreCase))
            return origin;
        try
        {
            return DnsName.Parse(origin).ToUnicodeString();
        }
        catch (FormatException)
        {
            return origin;
        }
    }

    /// <summary>
    /// Search text in the stored form: lowercase, and each label with non-ASCII letters in punycode, so "münchen" finds
    /// "xn--mnchen-3ya.example."; text that is no valid label is kept as typed (it then simply matches nothing).
    /// </summary>
    public static string SearchKey(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string lower = text.Trim().ToLowerInvariant();
        if (lower.All(char.IsAscii))
            return lower;
        var labels = lower.Split('.');
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i].Length == 0 || labels[i].All(char.IsAscii))
                continue;
            try
            {
                labels[i] = Idn.GetAscii(labels[i]);
            }
            catch (ArgumentException)
            {
                // not a valid IDN label: searched as typed
            }
        }
        return string.Join('.', labels);
    }
}
