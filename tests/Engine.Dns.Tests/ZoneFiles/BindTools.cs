using SecondaryPortal.Dns.Tests.Support;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneFiles;

namespace SecondaryPortal.Dns.Tests.ZoneFiles;

/// <summary>Runs BIND 9's zone tools (package bind9) so tests can compare our reading of a zone with BIND's.</summary>
internal static class BindTools
{
    /// <summary>
    /// BIND's reading of the zone file: `named-compilezone -q -s full -i none -o - origin file`, run in the
    /// file's folder (so $INCLUDE paths resolve as ours do), its output read back with our parser.
    /// </summary>
    public static IReadOnlyList<DnsRecord> Compile(string zoneFile, DnsName origin)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(zoneFile))!;
        var (exitCode, output, _) = ExternalTool.Run("named-compilezone", folder, "-q", "-s", "full", "-i", "none", "-o", "-", origin.ToString(), Path.GetFileName(zoneFile));
        if (exitCode != 0)
        {
            // -q hides the reason; run again without it to say why BIND refused the zone.
            var (_, messages, errors) = ExternalTool.Run("named-compilezone", folder, "-s", "full", "-i", "none", "-o", "/dev/null", origin.ToString(), Path.GetFileName(zoneFile));
            Assert.Fail($"named-compilezone refused {zoneFile} ({exitCode}): {errors}{messages}");
        }
        return ZoneFileParser.Parse(output, origin, sourceName: "named-compilezone output");
    }

    /// <summary>`named-checkzone -q origin file`: true when BIND accepts the zone.</summary>
    public static (bool Accepted, string Messages) Check(string zoneFile, DnsName origin)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(zoneFile))!;
        var (exitCode, output, error) = ExternalTool.Run("named-checkzone", folder, origin.ToString(), Path.GetFileName(zoneFile));
        return (exitCode == 0, output + error);
    }

    /// <summary>A record as a comparable value: owner lowercased, type, class, TTL, canonical RDATA (RFC 4034 §6.2).</summary>
    public static (string Owner, RecordType Type, DnsClass Class, uint Ttl, string Rdata) Key(DnsRecord record) =>
        (record.Name.ToLowerCase().ToString(), record.Type, record.Class, record.Ttl, Convert.ToHexString(record.Data.ToCanonicalWire()));

    /// <summary>Asserts both lists hold the same records, ignoring order, and names the differences when they do not.</summary>
    public static void AssertSameRecordSet(IEnumerable<DnsRecord> expected, IEnumerable<DnsRecord> actual)
    {
        var want = expected.Select(Key).ToHashSet();
        var have = actual.Select(Key).ToHashSet();
        var missing = want.Except(have).Select(k => k.ToString()).ToList();
        var extra = have.Except(want).Select(k => k.ToString()).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"missing from ours: {string.Join("; ", missing)}\nonly in ours: {string.Join("; ", extra)}");
    }
}
