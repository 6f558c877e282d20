using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Lookup;

/// <summary>
/// The differential test: the same zones (tests/testdata/zones/responder) served by our responder
/// and by BIND 9 (minimal-responses no-auth, minimal-any yes), the same queries to both, and RCODE, AA, TC,
/// EDNS presence and the three sections (as RRsets, order-insensitive, TTLs included) compared.
///
/// Where the comparison is looser, and why:
/// - ANY and RRSIG over UDP: both give one RRset (RFC 8482 §4.1), but each picks its own: ours must be one
///   of the RRsets of BIND's full answer over TCP.
/// - Additional section of a UDP response that BIND trimmed for size: which optional records to leave out
///   is the server's choice (RFC 2181 §9); both must be taken from BIND's full answer over TCP.
///
/// Deliberate differences (our answer is asserted instead of BIND's):
/// - AXFR and IXFR: NOTIMP over UDP and TCP until the transfer engine serves transfers (BIND: FORMERR over
///   UDP, a transfer over TCP).
/// - QCLASS ANY: answered from the IN data with AA clear, since such an answer cannot be known complete
///   (RFC 6895 §3.2); BIND answers FORMERR.
/// - QCLASS NONE and 0: REFUSED, like every class we do not serve; BIND answers FORMERR. Classes BIND does
///   not know (CSNET, 42): REFUSED; BIND answers NOTIMP.
/// - Octets after the last record of a request: FORMERR (the message is not what its header says);
///   BIND ignores them and answers.
/// - A UDP answer too large for 512 octets when the query has no EDNS: TC with empty sections, as BIND
///   sends it to EDNS queries; BIND fills a no-EDNS answer with the records that fit, cutting an RRset,
///   which RFC 2181 §9 asks servers not to send.
/// - Opcodes NOTIFY and UPDATE: NOTIMP until the transfer engine handles NOTIFY (RFC 1996) and since we take no
///   dynamic updates (RFC 2136); BIND answers FORMERR (NOTIFY to a primary) and NOTAUTH.
/// </summary>
public sealed class ResponderDifferentialTests(DifferentialFixture zones) : IClassFixture<DifferentialFixture>
{
    private static readonly Dictionary<Func<Probe, bool>, DnsRcode> DeliberateDifferences = new()
    {
        [p => p.Type is RecordType.AXFR or RecordType.IXFR] = DnsRcode.NotImp,
        [p => p.Class == DnsClass.ANY] = DnsRcode.NoError,
        [p => p.Class is DnsClass.NONE or (DnsClass)0 or (DnsClass)2 or (DnsClass)42] = DnsRcode.Refused,
        [p => p.Opcode is DnsOpcode.Notify or DnsOpcode.Update] = DnsRcode.NotImp,
    };

    private ushort _id = 1;

    [Fact]
    public void Probes_AreAtLeastFiveHundred()
    {
        int count = DifferentialProbes.Parent().Count() + DifferentialProbes.Signed(true).Count() + DifferentialProbes.Signed(false).Count()
            + DifferentialProbes.Sizes().Count() + DifferentialProbes.Protocol().Count();
        Assert.True(count >= 500, $"only {count} queries");
    }

    [Fact]
    public Task UnsignedParentZone_AnswersLikeBind() => CompareAll(DifferentialProbes.Parent());

    [Fact]
    public Task SignedZones_WithDnssecOk_AnswerLikeBind() => CompareAll(DifferentialProbes.Signed(dnssecOk: true));

    [Fact]
    public Task SignedZones_WithoutDnssecOk_AnswerLikeBind() => CompareAll(DifferentialProbes.Signed(dnssecOk: false));

    [Fact]
    public Task SizeLimits_TruncateLikeBind() => CompareAll(DifferentialProbes.Sizes());

    [Fact]
    public Task ProtocolEdges_AnswerLikeBind() => CompareAll(DifferentialProbes.Protocol());

    [Fact]
    public async Task MalformedRequests_GetFormErrOrSilenceLikeBind()
    {
        var failures = new List<string>();
        foreach (var (label, request) in DifferentialProbes.Malformed())
        {
            var ours = zones.Ours.Exchange(request);
            if (label.StartsWith("trailing octets", StringComparison.Ordinal))
            {
                if (ours.Length < 4 || (ours[3] & 0xF) != (int)DnsRcode.FormErr)
                    failures.Add($"{label}: expected our deliberate FORMERR");
                continue;
            }
            var bind = await SendToBindOrSilence(request);
            string Summary(byte[]? r) => r is null || r.Length == 0 ? "silence" : $"rcode {r[3] & 0xF}, {r[5]} question(s)";
            if (Summary(ours) != Summary(bind))
                failures.Add($"{label}: ours {Summary(ours)} / BIND {Summary(bind)}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task CompareAll(IEnumerable<Probe> probes)
    {
        var failures = new List<string>();
        int count = 0;
        foreach (var probe in probes)
        {
            count++;
            var differences = await Compare(probe);
            if (differences.Count > 0)
                failures.Add($"{probe}:\n  " + string.Join("\n  ", differences));
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} queries differ from BIND:\n" + string.Join("\n", failures.Take(40)));
    }

    private async Task<List<string>> Compare(Probe probe)
    {
        byte[] request = Request(probe);
        var ours = DnsMessage.Parse(zones.Ours.Exchange(request, probe.Transport));
        if (DeliberateDifferences.FirstOrDefault(d => d.Key(probe)) is { Key: not null } deliberate)
            return ours.Rcode == deliberate.Value ? [] : [$"expected our deliberate {deliberate.Value}, got {ours.Rcode}"];
        var bind = DnsMessage.Parse(await SendToBind(request, probe.Transport));
        var differences = new List<string>();
        if (ours.Rcode != bind.Rcode)
            differences.Add($"rcode: ours {ours.Rcode} / BIND {bind.Rcode}");
        foreach (var flag in new[] { DnsHeaderFlags.AA, DnsHeaderFlags.TC })
        {
            if ((ours.Flags & flag) != (bind.Flags & flag))
                differences.Add($"{flag}: ours {(ours.Flags & flag) != 0} / BIND {(bind.Flags & flag) != 0}");
        }
        if ((ours.Edns is null) != (bind.Edns is null))
            differences.Add($"EDNS: ours {ours.Edns is not null} / BIND {bind.Edns is not null}");
        if (probe.EdnsSize is null && (ours.Flags & bind.Flags & DnsHeaderFlags.TC) != 0)
        {
            if (ours.Answers.Count + ours.Authorities.Count + ours.Additionals.Count > 0)
                differences.Add("truncated without EDNS: our sections are not empty");
            return differences;
        }
        if (probe.Type is RecordType.ANY or RecordType.RRSIG && probe.Transport == DnsTransport.Udp && bind.Answers.Count > 0)
            await CompareMinimalAny(probe, ours, bind, differences);
        else
            differences.AddRange(RRsetComparison.Differences("answer", ours.Answers, bind.Answers));
        differences.AddRange(RRsetComparison.Differences("authority", ours.Authorities, bind.Authorities));
        var additional = RRsetComparison.Differences("additional", ours.Additionals, bind.Additionals);
        if (additional.Count > 0 && probe.Transport == DnsTransport.Udp && await BothTrimmedFromFullAnswer(probe, ours, bind))
            additional.Clear();
        differences.AddRange(additional);
        if (differences.Count > 0)
            differences.Add("ours:\n" + ResponseText.Describe(ours) + "BIND:\n" + ResponseText.Describe(bind));
        return differences;
    }

    private async Task CompareMinimalAny(Probe probe, DnsMessage ours, DnsMessage bind, List<string> differences)
    {
        var full = DnsMessage.Parse(await SendToBind(Request(probe with { Transport = DnsTransport.Tcp }), DnsTransport.Tcp));
        int mine = RRsetComparison.RRsets(ours.Answers).Count, theirs = RRsetComparison.RRsets(bind.Answers).Count;
        if (mine != theirs)
            differences.Add($"{probe.Type} over UDP: ours has {mine} RRsets, BIND {theirs}");
        if (!RRsetComparison.IsSubset(ours.Answers, full.Answers))
            differences.Add($"{probe.Type} over UDP: our RRsets are not all in BIND's full answer");
    }

    private async Task<bool> BothTrimmedFromFullAnswer(Probe probe, DnsMessage ours, DnsMessage bind)
    {
        var full = DnsMessage.Parse(await SendToBind(Request(probe with { Transport = DnsTransport.Tcp }), DnsTransport.Tcp));
        bool bindTrimmed = RRsetComparison.RRsets(full.Additionals).Count > RRsetComparison.RRsets(bind.Additionals).Count;
        return bindTrimmed && RRsetComparison.IsSubset(ours.Additionals, full.Additionals) && RRsetComparison.IsSubset(bind.Additionals, full.Additionals);
    }

    private byte[] Request(Probe probe)
    {
        var edns = probe.EdnsSize is { } size ? new Edns { UdpPayloadSize = size, DnssecOk = probe.DnssecOk, Version = probe.EdnsVersion } : null;
        var query = new DnsMessage { Id = _id++, Opcode = probe.Opcode, Edns = edns };
        query.Questions.Add(new DnsQuestion(DnsName.Parse(probe.Name), probe.Type, probe.Class));
        return query.ToArray();
    }

    /// <summary>BIND's answer to raw bytes, or null when it stays silent (it answers loopback in well under 300 ms).</summary>
    private async Task<byte[]?> SendToBindOrSilence(byte[] request)
    {
        using var udp = new System.Net.Sockets.UdpClient(System.Net.Sockets.AddressFamily.InterNetwork);
        udp.Connect(System.Net.IPAddress.Loopback, zones.Bind.Port);
        await udp.SendAsync(request);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        try
        {
            return (await udp.ReceiveAsync(timeout.Token)).Buffer;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private async Task<byte[]> SendToBind(byte[] request, DnsTransport transport) => transport == DnsTransport.Udp
        ? await zones.Bind.Client.QueryUdpAsync(request)
        : (await zones.Bind.Client.ExchangeTcpAsync(request, (_, _) => true))[0];
}
