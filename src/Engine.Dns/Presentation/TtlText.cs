using System.Globalization;
using System.Text;

namespace SecondaryPortal.Dns.Presentation;

/// <summary>TTL values as zone files write them: plain seconds, or BIND's unit form ("1w2d3h4m5s").</summary>
public static class TtlText
{
    /// <summary>Parses seconds or a unit form, rejecting values over 2^32-1.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out uint seconds)
    {
        seconds = 0;
        if (text.IsEmpty)
            return false;
        if (uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seconds))
            return true;
        ulong total = 0, current = 0;
        bool digits = false;
        foreach (char c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                current = current * 10 + (ulong)(c - '0');
                digits = true;
                if (current > uint.MaxValue)
                    return false;
                continue;
            }
            ulong unit = char.ToLowerInvariant(c) switch
            {
                's' => 1,
                'm' => 60,
                'h' => 3600,
                'd' => 86400,
                'w' => 604800,
                _ => 0,
            };
            if (unit == 0 || !digits)
                return false;
            total += current * unit;
            current = 0;
            digits = false;
        }
        if (digits)
            return false;
        if (total > uint.MaxValue)
            return false;
        seconds = (uint)total;
        return true;
    }

    /// <summary>Plain decimal seconds (the form every parser accepts).</summary>
    public static string ToText(uint seconds) => seconds.ToString(CultureInfo.InvariantCulture);

    /// <summary>A compact form for people: "1h30m", "2d".</summary>
    public static string ToHumanText(uint seconds)
    {
        if (seconds == 0)
            return "0s";
        var builder = new StringBuilder();
        foreach (var (unit, size) in new[] { ("w", 604800u), ("d", 86400u), ("h", 3600u), ("m", 60u), ("s", 1u) })
        {
            if (seconds >= size)
            {
                builder.Append(seconds / size).Append(unit);
                seconds %= size;
            }
        }
        return builder.ToString();
    }
}
