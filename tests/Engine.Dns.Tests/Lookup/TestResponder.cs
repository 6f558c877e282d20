using System.Net;
using System.Net.Sockets;
using SecondaryPortal.Dns.Analytics;
using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Dns.ZoneFiles;

namespace SecondaryPortal.Dns.Tests.Lookup;

/// <summary>Our responder without a listener: zones from master-file text, queries as bytes through <see cref="AuthoritativeRequestHandler.Handle"/>.</summary>
internal sealed class TestResponder
{
    private readonly byte[] _buffer = new byte[ushort.MaxValue];

    /// <param name="options">Responder settings.</param>
    /// <param name="singleStripe">Counters with one stripe, so that moving to another core never allocates one (allocation tests).</param>
    /// <param name="counting">The query counters' settings.</param>
    public TestResponder(ResponderOptions? options = null, bool singleStripe = false, QueryCountingOptions? counting = null)
    {
        Options = options ?? new ResponderOptions();
        Counters = singleStripe ? new QueryCounters(counting, stripes: 1) : new QueryCounters(counting);
        Handler = new AuthoritativeRequestHandler(Zones, Options, Counters);
    }

    public ZoneTable Zones { get; } = new();

    public ResponderOptions Options { get; }

    public QueryCounters Counters { get; }

    public AuthoritativeRequestHandler Handler { get; }

    public static TestResponder WithZone(string origin, string text, ResponderOptions? options = null, QueryCountingOptions? counting = null)
    {
        var responder = new TestResponder(options, counting: counting);
        responder.Zones.Publish(Load(origin, text));
        return responder;
    }

    public static ZoneSnapshot Load(string origin, string text)
    {
        var name = DnsName.Parse(origin);
        var result = ZoneSnapshot.Build(name, ZoneFileParser.Parse(text, name));
        Assert.True(result.Errors.Count == 0, string.Join("\n", result.Errors));
        return result.Snapshot!;
    }

    public static ZoneSnapshot LoadFile(string origin, string path)
    {
        var name = DnsName.Parse(origin);
        var result = ZoneSnapshot.Build(name, ZoneFileParser.ReadFile(path, name));
        Assert.True(result.Errors.Count == 0, string.Join("\n", result.Errors));
        return result.Snapshot!;
    }

    /// <summary>The raw response to <paramref name="request"/>, empty when the handler stays silent.</summary>
    public byte[] Exchange(ReadOnlySpan<byte> request, DnsTransport transport = DnsTransport.Udp, IPAddress? client = null)
    {
        var remote = client is null ? new SocketAddress(AddressFamily.InterNetwork) : new IPEndPoint(client, 40000).Serialize();
        var context = new DnsRequestContext(transport, remote);
        int length = Handler.Handle(request, _buffer, context);
        return _buffer.AsSpan(0, length).ToArray();
    }

    public DnsMessage Ask(string name, RecordType type, Edns? edns = null, DnsTransport transport = DnsTransport.Udp, DnsClass queryClass = DnsClass.IN, IPAddress? client = null)
    {
        var query = DnsMessage.CreateQuery(DnsName.Parse(name), type, 0x1234, edns);
        if (queryClass != DnsClass.IN)
        {
            query.Questions.Clear();
            query.Questions.Add(new DnsQuestion(DnsName.Parse(name), type, queryClass));
        }
        var response = Exchange(query.ToArray(), transport, client);
        Assert.NotEmpty(response);
        return DnsMessage.Parse(response);
    }

    public DnsMessage AskWithDo(string name, RecordType type, ushort size = 1232, DnsTransport transport = DnsTransport.Udp) =>
        Ask(name, type, new Edns { UdpPayloadSize = size, DnssecOk = true }, transport);
}
