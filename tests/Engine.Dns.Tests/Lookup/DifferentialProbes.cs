using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Lookup;

/// <summary>One query of the differential test.</summary>
internal sealed record Probe(
    string Name,
    RecordType Type,
    bool DnssecOk = false,
    ushort? EdnsSize = 1232,
    DnsTransport Transport = DnsTransport.Udp,
    DnsClass Class = DnsClass.IN,
    DnsOpcode Opcode = DnsOpcode.Query,
    byte EdnsVersion = 0)
{
    public override string ToString() =>
        $"{Name} {Class} {RecordTypeNames.ToText(Type)} {Transport}{(EdnsSize is { } size ? $" edns={size}" : " no-edns")}{(DnssecOk ? " +do" : "")}"
        + (Opcode != DnsOpcode.Query ? $" opcode={Opcode}" : "") + (EdnsVersion != 0 ? $" version={EdnsVersion}" : "");
}

/// <summary>The queries sent to both servers, grouped by what they exercise.</summary>
internal static class DifferentialProbes
{
    private const string LongLabels = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    /// <summary>Names of rich.example. (relative; "" is the apex), one or more per rule, some in mixed case.</summary>
    private static readonly string[] ParentNames =
    [
        "", "ns1", "NS2", "mail", "www", "WWW", "MiXeD.CaSe", "mixed.case", "case", "UPPER", "ptr", "caa", "info", "naptr",
        "ttl-short", "nulltxt", "alias", "chain1", "chain3", "out", "chain-out", "dangling", "loop1", "to-wild", "to-deleg",
        "to-dname", "to-secure", "to-secure3", "to-ent", "to-mx", "Alias-Mixed", "dname", "x.dname", "a.b.dname", "X.DNAME",
        "target", "x.target", "y.target", "ext", "www.ext", LongLabels + ".long", "x.long", "x.wild", "sub.wild", "a.b.wild",
        "*.wild", "wild", "q.w2", "z.y.w2", "y.w2", "x.y.w2", "host.cwild", "host.mxwild", "host.txtwild", "a.b.deep.wild2",
        "x.deep.wild2", "deep.wild2", "b.ent", "ent", "a.b.ent", "x.b.ent", "e.ent2", "d.e.ent2", "c.d.e.ent2", "x.c.d.e.ent2",
        "deleg", "ns1.deleg", "x.deleg", "a.b.deleg", "nogl", "x.nogl", "sibling", "inzone-ns", "x.inzone-ns", "withds",
        "ns.withds", "bigdeleg", "x.bigdeleg", "mx-host", "_sip._tcp", "sip", "_ldap._tcp", "big", "medium", "wmx", "nope",
        "a.nope", "secure", "ns1.secure", "secure3", "WWW.Rich.EXAMPLE.", "lc01", "lc02", "lc03", "lc04", "lc13",
    ];

    private static readonly RecordType[] ParentTypes =
    [
        RecordType.A, RecordType.AAAA, RecordType.MX, RecordType.TXT, RecordType.NS, RecordType.DS, RecordType.CNAME, RecordType.SOA,
    ];

    /// <summary>Names of the signed children (relative to each).</summary>
    private static readonly string[] SignedNames =
    [
        "", "ns1", "mail", "www", "WWW", "alias", "out", "x.wild", "a.b.wild", "*.wild", "wild", "x.cwild", "a.b.ent", "b.ent",
        "ent", "x.b.ent", "dname", "x.dname", "x.target", "target", "unsigned", "x.unsigned", "ns.unsigned", "signed",
        "x.signed", "_sip._tcp", "mixed", "nope", "zzz", "a.nope", "0", "optout", "x.optout", "optout2", "ns.optout2",
    ];

    private static readonly RecordType[] SignedTypes =
    [
        RecordType.A, RecordType.AAAA, RecordType.MX, RecordType.TXT, RecordType.NS, RecordType.DS, RecordType.SOA,
        RecordType.DNSKEY, RecordType.RRSIG, RecordType.NSEC, RecordType.NSEC3, RecordType.SRV,
    ];

    public static IEnumerable<Probe> Parent()
    {
        foreach (var name in ParentNames)
        {
            foreach (var type in ParentTypes)
                yield return new Probe(Absolute(name, DifferentialFixture.Parent), type);
            yield return new Probe(Absolute(name, DifferentialFixture.Parent), RecordType.ANY, Transport: DnsTransport.Tcp);
        }
        foreach (var (name, type) in new[]
        {
            ("ptr", RecordType.PTR), ("caa", RecordType.CAA), ("info", RecordType.HINFO), ("naptr", RecordType.NAPTR),
            ("_sip._tcp", RecordType.SRV), ("_ldap._tcp", RecordType.SRV), ("dname", RecordType.DNAME), ("x.dname", RecordType.DNAME),
            ("alias", RecordType.CNAME), ("x.cwild", RecordType.CNAME), ("www", RecordType.ANY), ("x.wild", RecordType.ANY),
            ("", RecordType.ANY), ("deleg", RecordType.ANY), ("b.ent", RecordType.ANY), ("nope", RecordType.ANY),
            ("alias", RecordType.ANY), ("www", (RecordType)0), ("www", RecordType.SPF), ("www", (RecordType)65280),
        })
            yield return new Probe(Absolute(name, DifferentialFixture.Parent), type);
    }

    public static IEnumerable<Probe> Signed(bool dnssecOk)
    {
        foreach (var zone in new[] { DifferentialFixture.Nsec, DifferentialFixture.Nsec3 })
        {
            foreach (var name in SignedNames)
            {
                foreach (var type in dnssecOk ? SignedTypes : SignedTypes[..6])
                    yield return new Probe(Absolute(name, zone), type, dnssecOk);
            }
            foreach (var name in new[] { "", "www", "x.wild", "b.ent", "unsigned", "nope" })
            {
                yield return new Probe(Absolute(name, zone), RecordType.ANY, dnssecOk, Transport: DnsTransport.Tcp);
                yield return new Probe(Absolute(name, zone), RecordType.ANY, dnssecOk);
            }
        }
        foreach (var name in new[] { "to-secure", "to-secure3", "secure", "secure3", "x.secure", "x.secure3" })
        {
            foreach (var type in new[] { RecordType.A, RecordType.DS, RecordType.NS })
                yield return new Probe(Absolute(name, DifferentialFixture.Parent), type, dnssecOk);
        }
    }

    /// <summary>Responses near and over the size limits: TC, trimmed additional data, EDNS sizes honoured and capped.</summary>
    public static IEnumerable<Probe> Sizes()
    {
        var questions = new (string Name, RecordType Type, bool Do)[]
        {
            ("big.rich.example.", RecordType.TXT, false), ("medium.rich.example.", RecordType.TXT, false),
            ("bigdeleg.rich.example.", RecordType.A, false), ("x.bigdeleg.rich.example.", RecordType.AAAA, false),
            ("rich.example.", RecordType.NS, false), ("mx-host.rich.example.", RecordType.MX, false),
            ("big.rich.example.", RecordType.ANY, false), ("rich.example.", RecordType.ANY, false),
            ("secure.rich.example.", RecordType.DNSKEY, true), ("nope.secure3.rich.example.", RecordType.A, true),
            ("x.wild.secure3.rich.example.", RecordType.MX, true), ("www.secure.rich.example.", RecordType.ANY, true),
            ("a.nope.secure.rich.example.", RecordType.TXT, true), ("secure3.rich.example.", RecordType.NS, true),
        };
        foreach (var (name, type, dnssecOk) in questions)
        {
            foreach (ushort? size in new ushort?[] { null, 512, 700, 1232, 4096 })
            {
                if (size is null && dnssecOk)
                    continue;
                yield return new Probe(name, type, dnssecOk, size);
            }
            yield return new Probe(name, type, dnssecOk, 4096, DnsTransport.Tcp);
        }
    }

    /// <summary>Classes, opcodes, meta types, EDNS versions and names outside every zone.</summary>
    public static IEnumerable<Probe> Protocol()
    {
        const string www = "www.rich.example.";
        yield return new Probe(www, RecordType.A, EdnsVersion: 1);
        yield return new Probe(www, RecordType.A, DnssecOk: true, EdnsVersion: 1);
        yield return new Probe(www, RecordType.A, EdnsSize: null);
        foreach (var queryClass in new[] { DnsClass.CH, DnsClass.HS, (DnsClass)2, (DnsClass)42, DnsClass.ANY, DnsClass.NONE, (DnsClass)0 })
            yield return new Probe(www, RecordType.A, Class: queryClass);
        foreach (var type in new[] { RecordType.OPT, RecordType.TSIG, RecordType.TKEY, (RecordType)128, (RecordType)200, RecordType.MAILA, RecordType.MAILB })
            yield return new Probe(www, type);
        foreach (var transport in new[] { DnsTransport.Udp, DnsTransport.Tcp })
        {
            yield return new Probe("rich.example.", RecordType.AXFR, Transport: transport);
            yield return new Probe("rich.example.", RecordType.IXFR, Transport: transport);
        }
        foreach (var opcode in new[] { DnsOpcode.IQuery, DnsOpcode.Status, (DnsOpcode)3, DnsOpcode.Notify, DnsOpcode.Update, (DnsOpcode)6, (DnsOpcode)15 })
            yield return new Probe(www, RecordType.SOA, Opcode: opcode);
        foreach (var name in new[] { "www.outside.test.", "example.", ".", "rich.example.com.", "ich.example.", "x.example." })
            yield return new Probe(name, RecordType.A);
    }

    /// <summary>Malformed or unusual requests as raw bytes: FORMERR (question echoed when readable) or silence.</summary>
    public static IEnumerable<(string Label, byte[] Request)> Malformed()
    {
        byte[] question = [3, .. "www"u8, 4, .. "rich"u8, 7, .. "example"u8, 0, 0, 1, 0, 1];
        byte[] opt = [0, 0, 41, 0x04, 0xD0, 0, 0, 0, 0, 0, 0];
        static byte[] Header(int questions = 1, int answers = 0, int additionals = 0, int flags = 0) =>
            [0x42, 0x42, (byte)(flags >> 8), (byte)flags, 0, (byte)questions, 0, (byte)answers, 0, 0, 0, (byte)additionals];
        yield return ("header only, one question announced", Header());
        yield return ("no question", Header(questions: 0));
        yield return ("two questions", [.. Header(questions: 2), .. question, .. question]);
        yield return ("label of 64 octets", [.. Header(), 64, .. Enumerable.Repeat((byte)'a', 64), 0, 0, 1, 0, 1]);
        yield return ("compression pointer in QNAME", [.. Header(), 3, .. "www"u8, 0xC0, 0x0C, 0, 1, 0, 1]);
        yield return ("QNAME longer than 255 octets", [.. Header(), .. Enumerable.Repeat((byte[])[63, .. Enumerable.Repeat((byte)'a', 63)], 4).SelectMany(b => b), 0, 0, 1, 0, 1]);
        yield return ("QTYPE cut short", [.. Header(), .. question[..^3]]);
        yield return ("answer record cut short", [.. Header(answers: 1), .. question, 0, 0, 1]);
        yield return ("OPT not owned by the root", [.. Header(additionals: 1), .. question, 1, (byte)'a', .. opt[1..]]);
        yield return ("two OPT records", [.. Header(additionals: 2), .. question, .. opt, .. opt]);
        yield return ("additional record announced, none present", [.. Header(additionals: 1), .. question]);
        yield return ("EDNS option longer than the OPT", [.. Header(additionals: 1), .. question, 0, 0, 41, 0x04, 0xD0, 0, 0, 0, 0, 0, 4, 0, 10, 0, 8]);
        yield return ("a response (QR set)", [.. Header(flags: 0x8000), .. question]);
        yield return ("five octets", [0x42, 0x42, 0, 0, 0]);
        yield return ("trailing octets after the question", [.. Header(), .. question, 1, 2, 3]);
    }

    private static string Absolute(string name, string zone) =>
        name.EndsWith('.') ? name : name.Length == 0 ? zone : name + "." + zone;
}
