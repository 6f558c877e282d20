using SecondaryPortal.Dns.Presentation;

namespace SecondaryPortal.Dns.Records;

/// <summary>
/// Reads one SvcParam in presentation form (RFC 9460 §2.1): "key", "key=value" or "key="value"", the
/// value a &lt;character-string&gt; decoded as Appendix A says. A lexer that ends a field before a quote
/// may hand us "key=" and the quoted value as two fields; both shapes are accepted.
/// </summary>
internal static class SvcParamText
{
    public static SvcParam Next(PresentationTokens tokens)
    {
        var token = tokens.Next("a SvcParam");
        if (token.Quoted)
            throw tokens.Error($"expected a SvcParam (key=value), found a quoted string", token);
        string text = token.Text;
        int equals = text.IndexOf('=');
        string name = equals < 0 ? text : text[..equals];
        if (!SvcParamKeyNames.TryParse(name, out var key, out bool generic))
            throw tokens.Error($"'{name}' is not a SvcParamKey (a registered name or keyNNNNN)", token);
        byte[]? value = null;
        if (equals >= 0)
        {
            string raw = text[(equals + 1)..];
            if (raw.Length == 0 && tokens.Peek() is { Quoted: true } quoted)
            {
                tokens.Next("the value");
                raw = quoted.Text;
            }
            else if (raw.StartsWith('"'))
            {
                if (raw.Length < 2 || !raw.EndsWith('"') || EndsWithEscape(raw.AsSpan(0, raw.Length - 1)))
                    throw tokens.Error($"the value of {name} has no closing quote", token);
                raw = raw[1..^1];
            }
            value = PresentationText.Unescape(raw) ?? throw tokens.Error($"bad escape in the value of {name}", token);
        }
        byte[]? wire;
        string error;
        if (generic)
        {
            // RFC 9460 §2.1: in the keyNNNNN form the decoded value is the wire value.
            wire = value ?? [];
            error = SvcParamValues.CheckWire(key, wire) ?? "";
            if (error.Length > 0)
                wire = null;
        }
        else
        {
            wire = SvcParamValues.Parse(key, value, out error);
        }
        if (wire is null)
            throw tokens.Error($"bad {name}: {error}", token);
        if (wire.Length > ushort.MaxValue)
            throw tokens.Error($"the value of {name} is longer than 65535 octets", token);
        return new SvcParam(key, wire);
    }

    /// <summary>True when the text ends in an odd number of backslashes (its last character is escaped).</summary>
    private static bool EndsWithEscape(ReadOnlySpan<char> text)
    {
        int count = 0;
        for (int i = text.Length - 1; i >= 0 && text[i] == '\\'; i--)
            count++;
        return count % 2 == 1;
    }
}
