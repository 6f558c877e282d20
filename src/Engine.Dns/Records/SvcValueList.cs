namespace SecondaryPortal.Dns.Records;

/// <summary>
/// The comma-separated value lists of SVCB presentation format (RFC 9460 Appendix A.1), applied after
/// &lt;character-string&gt; decoding: "\," is a comma inside an item and "\\" a backslash; any other
/// backslash is an error.
/// </summary>
internal static class SvcValueList
{
    /// <summary>Splits a decoded value into items; false when a backslash escapes something else.</summary>
    public static bool TrySplit(ReadOnlySpan<byte> value, out List<byte[]> items)
    {
        items = [];
        var current = new List<byte>();
        for (int i = 0; i < value.Length; i++)
        {
            byte b = value[i];
            if (b == (byte)'\\')
            {
                if (i + 1 >= value.Length || value[i + 1] is not ((byte)',' or (byte)'\\'))
                    return false;
                current.Add(value[++i]);
            }
            else if (b == (byte)',')
            {
                items.Add([.. current]);
                current.Clear();
            }
            else
            {
                current.Add(b);
            }
        }
        items.Add([.. current]);
        return true;
    }

    /// <summary>Appends one item with its commas and backslashes escaped (the inverse of <see cref="TrySplit"/>).</summary>
    public static void AppendItem(List<byte> output, ReadOnlySpan<byte> item)
    {
        foreach (byte b in item)
        {
            if (b is (byte)',' or (byte)'\\')
                output.Add((byte)'\\');
            output.Add(b);
        }
    }
}
