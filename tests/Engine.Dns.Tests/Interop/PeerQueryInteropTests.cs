using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Interop;

/// <summary>Queries built by our encoder, answered by BIND 9 and Knot, decoded by our decoder and re-encoded.</summary>
public sealed class PeerQueryInteropTests(PeerServersFixture peers) : IClassFixture<PeerServersFixture>
{
    public static TheoryData<string, string, string> Queries()
    {
        var data = new TheoryData<string, string, string>();
        string[] questions =
        [
            "interop.example. SOA", "interop.example. NS", "interop.example. MX", "interop.example. TXT",
            "interop.example. CAA", "interop.example. HTTPS", "www.interop.example. A", "WWW.Interop.Example. AAAA",
            "web-mixed.interop.example. A", "x.alias.interop.example. A", "_sip._tcp.interop.example. SRV",
            "sip.interop.example. NAPTR", "sip.interop.example. HINFO", "ssh.interop.example. SSHFP",
            "_443._tcp.interop.example. TLSA", "svc.interop.example. SVCB", "a.sub.interop.example. A",
            "sub.interop.example. DS", "ptr.interop.example. PTR", "anything.wild.interop.example. A",
            "generic.interop.example. TYPE65534", "missing.interop.example. A", "www.interop.example. MX",
            "interop.example. ANY",
        ];
        foreach (var peer in new[] { "bind", "knot" })
        {
            foreach (var question in questions)
            {
                var parts = question.Split(' ');
                data.Add(peer, parts[0], parts[1]);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Answers_DecodeAndReencodeToTheSameRecords(string peer, string name, string type)
    {
        Assert.True(RecordTypeNames.TryParse(type, out var recordType));
        var query = DnsMessage.CreateQuery(DnsName.Parse(name), recordType, 0x4242, new Edns { UdpPayloadSize = 4096, DnssecOk = true });
        var server = peers.Get(peer);

        byte[] answerBytes = await server.Client.QueryUdpAsync(query.ToArray());
        var answer = DnsMessage.Parse(answerBytes);

        Assert.Equal(0x4242, answer.Id);
        Assert.True(answer.IsResponse);
        Assert.Contains(answer.Rcode, new[] { DnsRcode.NoError, DnsRcode.NXDomain });
        Assert.Equal(name, answer.Question!.Name.ToString());
        Assert.True(answer.Question.Name.EqualsCaseSensitive(DnsName.Parse(name)), "the question keeps its case");
        AssertReencodes(answerBytes, answer);
    }

    [Theory]
    [InlineData("bind")]
    [InlineData("knot")]
    public async Task AnswerWithoutEdns_FitsInto512Octets(string peer)
    {
        var query = DnsMessage.CreateQuery(DnsName.Parse(PeerServersFixture.Zone), RecordType.TXT, 7);
        byte[] answerBytes = await peers.Get(peer).Client.QueryUdpAsync(query.ToArray());
        Assert.True(answerBytes.Length <= 512);
        var answer = DnsMessage.Parse(answerBytes);
        Assert.Null(answer.Edns);
        var strings = answer.Answers.Select(r => r.Data).OfType<TxtData>().SelectMany(t => t.Strings).ToList();
        Assert.Contains(strings, s => s.AsSpan().SequenceEqual("with \"quotes\" and \\ backslash"u8));
        Assert.Contains(strings, s => s.AsSpan().SequenceEqual(new byte[] { 240, 255, (byte)' ', (byte)'o', (byte)'c', (byte)'t', (byte)'e', (byte)'t', (byte)'s' }));
    }

    /// <summary>Re-encoding gives the same bytes when our compression choices match the peer's, and always the same records.</summary>
    internal static void AssertReencodes(byte[] original, DnsMessage parsed)
    {
        byte[] reencoded = parsed.ToArray();
        if (reencoded.AsSpan().SequenceEqual(original))
            return;
        var again = DnsMessage.Parse(reencoded);
        Assert.Equal(parsed.Questions, again.Questions);
        Assert.Equal(parsed.Answers, again.Answers);
        Assert.Equal(parsed.Authorities, again.Authorities);
        Assert.Equal(parsed.Additionals, again.Additionals);
        Assert.Equal(parsed.Edns, again.Edns);
        Assert.Equal(parsed.Rcode, again.Rcode);
        Assert.Equal(parsed.Flags, again.Flags);
        for (int i = 0; i < parsed.Answers.Count; i++)
            Assert.True(parsed.Answers[i].Name.EqualsCaseSensitive(again.Answers[i].Name), "owner case survives re-encoding");
    }
}
