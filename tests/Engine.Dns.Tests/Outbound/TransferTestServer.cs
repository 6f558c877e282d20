using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using SecondaryPortal.Dns.Analytics;
using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Outbound;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Tests.Server;
using SecondaryPortal.Dns.Tests.Transfer;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Tests.Outbound;

/// <summary>
/// A real DnsServer on a free loopback port serving one zone, with the transfer responder as its stream handler and,
/// through a router, for single-message transfer requests; signed SOA queries are answered signed; other queries go to
/// the authoritative handler.
/// </summary>
internal sealed class TransferTestServer : IAsyncDisposable
{
    private TransferTestServer(DnsServer server, ZoneTable zones, ZoneTransferResponder responder, CountingStreams streams)
    {
        Server = server;
        Zones = zones;
        Responder = responder;
        Streams = streams;
    }

    public DnsServer Server { get; }

    public ZoneTable Zones { get; }

    public ZoneTransferResponder Responder { get; }

    /// <summary>Counts the messages the responder produced, to observe back-pressure.</summary>
    public CountingStreams Streams { get; }

    public ListLogger<ZoneTransferResponder> Log { get; private init; } = new();

    public IPEndPoint TcpEndPoint => Server.BoundTcpEndpoints[0];

    public IPEndPoint UdpEndPoint => Server.BoundUdpEndpoints[0];

    public PrimaryServer Primary(TsigKey? key = null) => new(TcpEndPoint, key);

    public static async Task<TransferTestServer> StartAsync(ZoneSnapshot? zone, IZoneTransferPolicy? policy = null, IZoneJournal? journal = null,
        TsigKeyring? keys = null, DnsServerOptions? options = null, ZoneTransferResponderOptions? responderOptions = null)
    {
        var zones = new ZoneTable();
        if (zone is not null)
            zones.Publish(zone);
        var log = new ListLogger<ZoneTransferResponder>();
        var keyLookup = new FixedKeys(keys ?? TsigKeyring.Empty);
        var responder = new ZoneTransferResponder(zones, policy ?? FakeTransferPolicy.AllowAll(), journal ?? new FakeJournal(),
            keyLookup, TimeProvider.System, log, responderOptions);
        var queries = new AuthoritativeRequestHandler(zones, new ResponderOptions(), new QueryCounters());
        var streams = new CountingStreams(responder);
        var router = new DnsRequestRouter(queries, transfers: responder, signedSoaQueries: new TsigQueryHandler(queries, keyLookup, TimeProvider.System));
        var server = new DnsServer(options ?? ServerTestClient.Options(), router, NullLogger<DnsServer>.Instance, streams);
        await server.StartAsync();
        return new TransferTestServer(server, zones, responder, streams) { Log = log };
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

/// <summary>A stream handler passing requests to another, counting the messages its streams produce.</summary>
internal sealed class CountingStreams(IDnsStreamHandler inner) : IDnsStreamHandler
{
    private int _messages;
    private int _disposed;

    public int Messages => Volatile.Read(ref _messages);

    public int Disposed => Volatile.Read(ref _disposed);

    public IDnsResponseStream? BeginStream(ReadOnlySpan<byte> request, in DnsRequestContext context) =>
        inner.BeginStream(request, context) is { } stream ? new Counted(stream, this) : null;

    private sealed class Counted(IDnsResponseStream stream, CountingStreams owner) : IDnsResponseStream
    {
        public int WriteNext(Span<byte> buffer)
        {
            int length = stream.WriteNext(buffer);
            if (length > 0)
                Interlocked.Increment(ref owner._messages);
            return length;
        }

        public void Dispose()
        {
            stream.Dispose();
            Interlocked.Increment(ref owner._disposed);
        }
    }
}
