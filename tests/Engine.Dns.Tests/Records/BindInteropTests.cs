using SecondaryPortal.Dns.Tests.Support;
using System.Text;
using System.Text.RegularExpressions;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Records;

/// <summary>
/// Interop with BIND 9: what named-compilezone prints for each type parses to the RDATA we parse from
/// the same input, and what we print is accepted by BIND and reads back to the same RDATA.
/// </summary>
public sealed partial class BindInteropTests
{
    private static readonly DnsName Origin = DnsName.Parse("example.");

    private const string Signature =
        "oJB1W6WNGv+ldvQ3WDG0MQkg5IEhjRip8WTrPYGv07h108dUKGMeDPKijVCHX3DDKdfb+v6oB9wfuh3DTJXUAfI/M0zmO/zz8bW0Rznl8O3tGNazPwQKkRN20XPXV6nwwfoXmJQbsLNrLfkGJ5D6fwFm8nN+6pBzeDQfsS3Ap3o=";

    private const string EcdsaKey = "z4AzYBTZWisINBDhoLS1jHjP1IMI3KWusJzZH4CsQkDueg/t3G+Je+as iva3rds7jbSQfWs2vfDVFBAlyyJihQ==";

    /// <summary>Owner (relative to example.), type and RDATA as a zone file would hold them, in varied spellings.</summary>
    private static readonly (string Owner, RecordType Type, string Rdata)[] Entries =
    [
        ("_sip._tcp", RecordType.SRV, "10 60 5060 SIPServer.Example."),
        ("_sip._tcp", RecordType.SRV, "0 0 5061 sip"),
        ("n", RecordType.NAPTR, "100 10 \"S\" \"SIP+D2U\" \"!^.*$!sip:info@example.com!\" _sip._udp.example."),
        ("n", RecordType.NAPTR, "100 20 \"\" \"\" \"\" ."),
        ("@", RecordType.CAA, "0 issue \"ca.example.net\""),
        ("@", RecordType.CAA, "128 tbs \"Unknown \\\"quoted\\\" \\\\ x\\255\""),
        ("@", RecordType.CAA, "0 issuewild \";\""),
        ("@", RecordType.CAA, "0 iodef mailto:security@example.com"),
        ("h", RecordType.HINFO, "\"Generic PC\" \"Linux 6\""),
        ("h", RecordType.SSHFP, "4 2 123456789abcdef67890123456789abcdef67890123456789abcdef1 23456789"),
        ("h", RecordType.SSHFP, "1 1 DC0BF4AD1B34AB8D58C9C87F2B75E2FBFEBDC5D4"),
        ("_443._tcp", RecordType.TLSA, "3 1 1 0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B56664C5D3D6"),
        ("s", RecordType.SMIMEA, "3 0 1 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b566 64c5d3d6"),
        ("sv", RecordType.SVCB, "0 alias.example."),
        ("sv", RecordType.SVCB, "1 . alpn=h2,h3 ipv4hint=192.0.2.1,192.0.2.2 port=8443 ech=AEX+DQBBVwAgACAvRHAD mandatory=alpn,port ipv6hint=2001:db8::1,2001:db8::53:1 key65333=foo"),
        ("sv", RecordType.HTTPS, "1 . alpn=\"f\\\\\\\\oo\\\\,bar,h2\" no-default-alpn dohpath=/dns-query{?dns} key667=\"hello\\210qoo\""),
        ("sv", RecordType.HTTPS, "2 svc.Example. key65535"),
        ("sv", RecordType.HTTPS, "3 . alpn=\"h2 x,h3\" key667=\"hello  world\""),
        ("child", RecordType.DS, "60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118"),
        ("child", RecordType.DS, "61675 ECDSAP256SHA256 4 6FC3265CA378DBF6E7E7CBF955DAB56576784DE6D888A232D6DFAA2CCF6D9D0620A9510C6FF509075D187E6224ECF1E9"),
        ("@", RecordType.CDS, "61675 13 2 0C76CFC7F4BA328B518864430A346F3CA 375D74AB306BA8D97821377E117EC34"),
        ("@", RecordType.DNSKEY, "256 3 13 " + EcdsaKey),
        ("@", RecordType.CDNSKEY, "256 3 ECDSAP256SHA256 " + EcdsaKey),
        ("@", RecordType.RRSIG, "A 5 3 86400 20300322173103 20030220173103 2642 example. " + Signature),
        ("@", RecordType.RRSIG, "NS RSASHA1 1 3600 1900000000 1045762263 2642 Example. " + Signature[..8] + " " + Signature[8..]),
        ("@", RecordType.NSEC, "Host.Example. A MX RRSIG NSEC TYPE1234"),
        ("h", RecordType.NSEC, "\\000.h.example. A"),
        ("0p9mhaveqvm6t7vbl5lop2u3t2rp3tom", RecordType.NSEC3, "1 1 12 aabbccdd 2t7b4g4vsa5smi47k61mv5bv1a22bojr MX DNSKEY NS SOA NSEC3PARAM RRSIG"),
        ("2vptu5timamqttgl4luu9kg21e0aor3s", RecordType.NSEC3, "1 0 0 - 2VPTU5TIMAMQTTGL4LUU9KG21E0AOR3T"),
        ("@", RecordType.NSEC3PARAM, "1 0 12 aabbccdd"),
        ("@", RecordType.NSEC3PARAM, "1 0 0 -"),
        ("@", RecordType.ZONEMD, "2018031900 1 1 FEBE3D4CE2EC2FFA4BA99D46CD69D6D29711E55217057BEE7EB1A7B641A47BA7FED2DD5B97AE499FAFA4F22C6BD647DE"),
        ("u", RecordType.URI, "10 1 \"ftp://ftp1.example.com/public\""),
        ("@", RecordType.RP, "mbox.example. txt"),
        ("@", RecordType.AFSDB, "1 AFSDB.example."),
        ("@", RecordType.OPENPGPKEY, "AiEEBP6bMFGGy4HM//csz2QiycWogo2j9Nu+nz2K3hwgz2rPXefxRA=="),
        ("@", RecordType.CSYNC, "66 3 A NS AAAA"),
        ("@", RecordType.LOC, "52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m"),
        ("l", RecordType.LOC, "42 21 54 N 71 06 18 W -24m 30m"),
        ("l", RecordType.LOC, "42 S 71 W 1m"),
        ("l", RecordType.LOC, "0 0 0.001 S 180 E 42849672.95m 15m 0.05m 0.9"),
    ];

    [Fact]
    public async Task NamedCompilezoneOutput_ParsesToTheSameRdata()
    {
        var expected = Entries
            .Select(e => (Owner: ToOwner(e.Owner), e.Type, Data: RecordData.Parse(e.Type, e.Rdata, Origin)))
            .ToList();
        var printed = await CompileAsync(Entries.Select(e => $"{e.Owner} 300 IN {RecordTypeNames.ToText(e.Type)} {e.Rdata}"));
        AssertSameRecords(expected, printed);
    }

    [Fact]
    public async Task OurPresentation_IsAcceptedByBindAndReadsBack()
    {
        var ours = Entries
            .Select(e => (Owner: ToOwner(e.Owner), e.Type, Data: RecordData.Parse(e.Type, e.Rdata, Origin)))
            .ToList();
        var lines = ours.Select(r => $"{r.Owner} 300 IN {RecordTypeNames.ToText(r.Type)} {r.Data}").ToList();
        using var directory = new TempDirectory();
        string file = WriteZone(directory.Path, lines);
        var check = await ExternalTool.RunAsync("named-checkzone", directory.Path, null, "-i", "none", "-k", "ignore", "example.", file);
        Assert.True(check.ExitCode == 0, check.Output + check.Errors);
        AssertSameRecords(ours, await CompileAsync(lines));
    }

    [Theory]
    [InlineData("ED25519")]
    [InlineData("ECDSAP256SHA256")]
    [InlineData("RSASHA256")]
    public async Task KeyTag_MatchesDnssecKeygen(string algorithm)
    {
        using var directory = new TempDirectory();
        var run = await ExternalTool.RunAsync("dnssec-keygen", directory.Path, null, "-q", "-K", directory.Path, "-a", algorithm, "example.");
        Assert.True(run.ExitCode == 0, run.Errors);
        string name = run.Output.Trim();
        var tag = ushort.Parse(name[(name.LastIndexOf('+') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        string keyLine = File.ReadAllLines(Path.Combine(directory.Path, name + ".key")).Single(l => !l.StartsWith(';'));
        var key = Assert.IsType<DnskeyData>(RecordData.Parse(RecordType.DNSKEY, keyLine[(keyLine.IndexOf("DNSKEY", StringComparison.Ordinal) + 6)..]));
        Assert.Equal(tag, key.KeyTag);
    }

    private static DnsName ToOwner(string relative) => relative == "@" ? Origin : DnsName.Parse(relative, Origin);

    private static string WriteZone(string directory, IEnumerable<string> lines)
    {
        var zone = new StringBuilder()
            .AppendLine("$ORIGIN example.")
            .AppendLine("$TTL 300")
            .AppendLine("@ IN SOA ns1 hostmaster 1 3600 600 86400 300")
            .AppendLine("@ IN NS ns1")
            .AppendLine("ns1 IN A 192.0.2.1");
        foreach (var line in lines)
            zone.AppendLine(line);
        string path = Path.Combine(directory, "example.db");
        File.WriteAllText(path, zone.ToString());
        return path;
    }

    /// <summary>Runs named-compilezone and parses each record line of its output (owner TTL class type RDATA).</summary>
    private static async Task<List<(DnsName Owner, RecordType Type, RecordData Data)>> CompileAsync(IEnumerable<string> lines)
    {
        using var directory = new TempDirectory();
        string file = WriteZone(directory.Path, lines);
        var run = await ExternalTool.RunAsync("named-compilezone", directory.Path, null, "-q", "-i", "none", "-k", "ignore", "-s", "full", "-o", "-", "example.", file);
        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        var records = new List<(DnsName, RecordType, RecordData)>();
        foreach (var line in run.Output.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith(';'))
                continue;
            var match = RecordLine().Match(line);
            Assert.True(match.Success, $"unexpected line: {line}");
            Assert.True(RecordTypeNames.TryParse(match.Groups["type"].Value, out var type), line);
            records.Add((DnsName.Parse(match.Groups["owner"].Value), type, RecordData.Parse(type, match.Groups["rdata"].Value, Origin)));
        }
        return records;
    }

    /// <summary>Every record we expect appears in BIND's output with exactly the same RDATA octets (case included).</summary>
    private static void AssertSameRecords(
        List<(DnsName Owner, RecordType Type, RecordData Data)> expected, List<(DnsName Owner, RecordType Type, RecordData Data)> actual)
    {
        static string Key((DnsName Owner, RecordType Type, RecordData Data) r) =>
            $"{r.Owner.ToString().ToLowerInvariant()} {RecordTypeNames.ToText(r.Type)} {Convert.ToHexString(r.Data.ToWire())}";
        var printed = actual.Select(Key).ToHashSet();
        foreach (var record in expected)
            Assert.Contains(Key(record), printed);
        Assert.Equal(expected.Count + 3, actual.Count);
    }

    [GeneratedRegex(@"^(?<owner>\S+)\s+(?<ttl>\d+)\s+(?<class>\S+)\s+(?<type>\S+)\s+(?<rdata>.*?)\s*$")]
    private static partial Regex RecordLine();
}
