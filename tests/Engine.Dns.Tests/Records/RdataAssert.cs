using System.Text.RegularExpressions;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Records;

/// <summary>Shared checks for RDATA codecs: decode, re-encode, truncation, presentation round trip.</summary>
internal static partial class RdataAssert
{
    /// <summary>Hex octets written one field per line, each line may end in a "// comment".</summary>
    public static byte[] Hex(string commented)
    {
        var digits = string.Concat(commented.Split('\n').Select(line =>
        {
            int comment = line.IndexOf("//", StringComparison.Ordinal);
            return comment >= 0 ? line[..comment] : line;
        }));
        return Convert.FromHexString(Blank().Replace(digits, ""));
    }

    /// <summary>Decodes RDATA the way DnsRecord.Read does: inside a pushed limit that must be read to its end.</summary>
    public static RecordData Decode(RecordType type, byte[] rdata)
    {
        var reader = new DnsReader(rdata);
        int outer = reader.PushLimit(rdata.Length);
        var data = RecordData.Read(type, ref reader, rdata.Length);
        reader.PopLimit(outer);
        return data;
    }

    /// <summary>Decodes <paramref name="rdata"/> as <typeparamref name="T"/> and checks it writes back to the same octets.</summary>
    public static T DecodesAndReencodes<T>(RecordType type, byte[] rdata)
        where T : RecordData
    {
        var data = Assert.IsType<T>(Decode(type, rdata));
        Assert.Equal(type, data.Type);
        Assert.Equal(Convert.ToHexString(rdata), Convert.ToHexString(data.ToWire()));
        return data;
    }

    /// <summary>
    /// Every proper prefix of <paramref name="rdata"/> fails with <see cref="DnsFormatException"/>, except the
    /// lengths in <paramref name="validLengths"/>, where the type's trailing field may legally end.
    /// </summary>
    public static void EveryTruncationFails(RecordType type, byte[] rdata, params int[] validLengths)
    {
        for (int length = 0; length < rdata.Length; length++)
        {
            var prefix = rdata[..length];
            if (validLengths.Contains(length))
            {
                Assert.Equal(type, Decode(type, prefix).Type);
                continue;
            }
            var error = Record.Exception(() => Decode(type, prefix));
            Assert.True(error is DnsFormatException, $"a {length}-octet prefix gave {error?.GetType().Name ?? "no error"}");
        }
    }

    /// <summary>Printing and parsing back gives the same RDATA, octet for octet (case included).</summary>
    public static void PresentationRoundTrips(RecordData data)
    {
        string text = data.ToString();
        var parsed = RecordData.Parse(data.Type, text);
        Assert.Equal(data, parsed);
        Assert.Equal(Convert.ToHexString(data.ToWire()), Convert.ToHexString(parsed.ToWire()));
        Assert.Equal(text, parsed.ToString());
    }

    /// <summary>The RFC 3597 generic form decodes to the same RDATA.</summary>
    public static void GenericFormRoundTrips(RecordData data) =>
        Assert.Equal(Convert.ToHexString(data.ToWire()), Convert.ToHexString(RecordData.Parse(data.Type, data.ToGenericText()).ToWire()));

    /// <summary>Parsing <paramref name="text"/> fails with a <see cref="PresentationException"/>.</summary>
    public static PresentationException ParseFails(RecordType type, string text) =>
        Assert.Throws<PresentationException>(() => RecordData.Parse(type, text, DnsName.Parse("example.")));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Blank();
}
