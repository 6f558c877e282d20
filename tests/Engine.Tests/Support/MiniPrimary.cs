using System.Net;
using System.Net.Sockets;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Tests.Support;

/// <summary>
/// A primary written in the test, on one loopback port (UDP and TCP): answers SOA queries with the zone it holds and
/// transfers it whole (an IXFR gets the AXFR-style answer RFC 1995 §4 allows). It counts the SOA queries and how many
/// were in flight at once, can hold each SOA answer back, can cut a transfer after its first message, and can stop
/// (closed ports: queries fail at once, no timeout to wait for) and start again on the same port.
/// </summary>
public sealed class MiniPrimary : IAsyncDisposable
{
    private readonly object _lock = new();
    private CancellationTokenSource? _stop;
    private TcpListener? _tcp;
    private UdpClient? _udp;
    private List<DnsRecord> _zone = [];
    private readonly Dictionary<uint, List<DnsRecord>> _versions = [];
    private int _soaQueries, _inFlight, _maxInFlight, _transfers, _axfrRequests;

    private MiniPrimary(int port) => EndPoint = new IPEndPoint(IPAddress.Loopback, port);

    public IPEndPoint EndPoint { get; }

    public DnsName Origin { get; private set; } = DnsName.Root;

    /// <summary>
    /// When set, each SOA answer waits for this task: NOTIFYs pile up while a check is in flight, for as long as the test
    /// needs, whatever the machine's speed.
    /// </summary>
    public Task? HoldSoaAnswers { get; set; }

    /// <summary>When set, a transfer's connection is closed after its first message: the primary dies mid-transfer.</summary>
    public bool CutTransfers { get; set; }

    public int SoaQueries => Volatile.Read(ref _soaQueries);

    public int MaxSoaQueriesInFlight => Volatile.Read(ref _maxInFlight);

    public int Transfers => Volatile.Read(ref _transfers);

    /// <summary>How many transfers were asked for by AXFR (the others were IXFR).</summary>
    public int AxfrRequests => Volatile.Read(ref _axfrRequests);

    /// <summary>
    /// When set, an IXFR from a serial this primary held (through <see cref="SetZone"/>) is answered with the one diff from
    /// it (RFC 1995 §4); otherwise every IXFR gets the whole zone, AXFR-style.
    /// </summary>
    public bool ServeIxfr { get; set; }

    /// <summary>When set, a transfer waits for this task after its first message (to look at a transfer half done).</summary>
    public Task? HoldAfterFirstMessage { get; set; }

    public static MiniPrimary Start(DnsName origin, uint serial, IEnumerable<DnsRecord> body)
    {
        var primary = new MiniPrimary(FreePort.Next());
        primary.SetZone(origin, serial, body);
        primary.Start();
        return primary;
    }

    /// <summary>Replaces the zone served: a SOA of <paramref name="serial"/> (refresh 7200, retry 900, expire 1209600), then <paramref name="body"/>.</summary>
    public void SetZone(DnsName origin, uint serial, IEnumerable<DnsRecord> body, uint refresh = 7200, uint retry = 900, uint expire = 1209600)
    {
        var soa = new DnsRecord(origin, 3600, new SoaData(DnsName.Parse("ns1", origin), DnsName.Parse("hostmaster", origin), serial, refresh, retry, expire, 300));
        lock (_lock)
        {
            Origin = origin;
            _zone = [soa, .. body];
            _versions[serial] = _zone;
        }
    }

    public void Start()
    {
        _stop = new CancellationTokenSource();
        _tcp = new TcpListener(EndPoint);
        _tcp.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _tcp.Start();
        _udp = new UdpClient(EndPoint);
        _ = ServeUdpAsync(_udp, _stop.Token);
        _ = AcceptAsync(_tcp, _stop.Token);
    }

    /// <summary>Closes both ports (queries then fail at once with a network error).</summary>
    public void Stop()
    {
        _stop?.Cancel();
        _tcp?.Stop();
        _udp?.Dispose();
        _tcp = null;
        _udp = null;
    }

    private List<DnsRecord> Zone()
    {
        lock (_lock)
            return _zone;
    }

    private async Task ServeUdpAsync(UdpClient udp, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            UdpReceiveResult received;
            try
            {
                received = await udp.ReceiveAsync(stop);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                if (stop.IsCancellationRequested)
                    return;
                continue; // an ICMP error from an earlier answer
            }
            _ = AnswerSoaAsync(udp, received, stop);
        }
    }

    private async Task AnswerSoaAsync(UdpClient udp, UdpReceiveResult received, CancellationToken stop)
    {
        if (!DnsMessage.TryParse(received.Buffer, out var request, out _) || request.Question?.Type != RecordType.SOA)
            return;
        Interlocked.Increment(ref _soaQueries);
        int inFlight = Interlocked.Increment(ref _inFlight);
        int max;
        while (inFlight > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, inFlight, max) != max)
        {
        }
        try
        {
            if (HoldSoaAnswers is { } hold)
                await hold.WaitAsync(stop);
            var reply = Reply(request, [Zone()[0]]);
            await udp.SendAsync(reply.ToArray(), received.RemoteEndPoint, stop);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or InvalidOperationException) // the last: stopped before the first accept
            {
                return;
            }
            _ = TransferAsync(client, stop);
        }
    }

    private async Task TransferAsync(TcpClient client, CancellationToken stop)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var bytes = await TcpMessageFraming.ReadAsync(stream, stop);
                if (bytes is null || !DnsMessage.TryParse(bytes, out var request, out _))
                    return;
                if (request.Question?.Type is RecordType.SOA)
                {
                    await TcpMessageFraming.WriteAsync(stream, Reply(request, [Zone()[0]]).ToArray(), stop);
                    return;
                }
                Interlocked.Increment(ref _transfers);
                if (request.Question?.Type == RecordType.AXFR)
                    Interlocked.Increment(ref _axfrRequests);
                var zone = Zone();
                List<DnsRecord> stream0 = Diff(request, zone) ?? [.. zone, zone[0]];
                // Ten records a message, so a cut transfer has sent part of the zone.
                for (int i = 0; i < stream0.Count; i += 10)
                {
                    var reply = Reply(request, stream0.Skip(i).Take(10));
                    await TcpMessageFraming.WriteAsync(stream, reply.ToArray(), stop);
                    if (i == 0 && HoldAfterFirstMessage is { } hold)
                        await hold.WaitAsync(stop);
                    if (CutTransfers)
                    {
                        client.Client.LingerState = new LingerOption(true, 0); // a reset, as when the process dies
                        return;
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
            }
        }
    }

    /// <summary>The IXFR answer from the client's serial to <paramref name="zone"/>, when asked for and that version is known.</summary>
    private List<DnsRecord>? Diff(DnsMessage request, List<DnsRecord> zone)
    {
        if (!ServeIxfr || request.Question?.Type != RecordType.IXFR || request.Authorities.FirstOrDefault()?.Data is not SoaData theirs)
            return null;
        List<DnsRecord>? old;
        lock (_lock)
            _versions.TryGetValue(theirs.Serial, out old);
        if (old is null)
            return null;
        var deleted = old.Skip(1).Where(r => !zone.Skip(1).Contains(r));
        var added = zone.Skip(1).Where(r => !old.Skip(1).Contains(r));
        return [zone[0], old[0], .. deleted, zone[0], .. added, zone[0]];
    }

    private static DnsMessage Reply(DnsMessage request, IEnumerable<DnsRecord> answers)
    {
        var reply = new DnsMessage { Id = request.Id, Opcode = request.Opcode, Flags = DnsHeaderFlags.QR | DnsHeaderFlags.AA };
        reply.Questions.AddRange(request.Questions);
        reply.Answers.AddRange(answers);
        return reply;
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
