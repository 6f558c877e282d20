using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Analytics;
using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Events;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Scheduling;
using SecondaryPortal.Engine.Zones;
using Xunit.Abstractions;

namespace SecondaryPortal.Engine.Tests.Support;

/// <summary>
/// The transfer engine as the server composes it, on a temporary store: publisher, repository, catalog, zone timers,
/// refresh and expire handlers, the engine, and a DNS server on a free loopback port whose request router sends NOTIFY
/// to the NOTIFY handler and queries to the responder. Everything runs on the given clock; stopped on dispose.
/// </summary>
public sealed class SecondaryHarness : IAsyncDisposable
{
    public static readonly ZoneTransferClientOptions QuickClient = new()
    {
        UdpTimeout = TimeSpan.FromSeconds(1), // long enough that a loaded machine does not retransmit (the NOTIFY flood test counts queries in flight)
        UdpAttempts = 2,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ReadTimeout = TimeSpan.FromSeconds(2),
        TransferTimeout = TimeSpan.FromSeconds(20),
    };

    private DnsServer? _dns;

    private SecondaryHarness(TempStore temp, TimeProvider time, TransferOptions options, CapturedLogs logs)
    {
        Temp = temp;
        Time = time;
        Options = options;
        Logs = logs;
        var loggers = logs.Factory;
        Protector = new TsigSecretProtector(DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(temp.Directory, "keys"))));
        Store = temp.CreateZoneStore(time);
        Publisher = new ZonePublisher(Store, Table, new ZonePublisherOptions(), time, loggers.CreateLogger<ZonePublisher>());
        Repository = new SecondaryZoneRepository(temp.Contexts, Protector, time, loggers.CreateLogger<SecondaryZoneRepository>());
        Catalog = new SecondaryZoneCatalog(temp.Contexts, Protector, time, loggers.CreateLogger<SecondaryZoneCatalog>());
        Drafts = new ZoneDrafts(temp.Contexts, time, loggers.CreateLogger<ZoneDrafts>());
        Timers = new ZoneEventTimers(time, loggers.CreateLogger<ZoneEventTimers>());
        var policy = new ZoneTimerPolicy(options, () => 0); // no jitter: the tests know the times
        var client = new ZoneTransferClient(time, loggers.CreateLogger<ZoneTransferClient>(), QuickClient);
        var refresh = new RefreshHandler(client, Repository, Publisher, Timers, policy, options, Progress, time, loggers.CreateLogger<RefreshHandler>());
        var expire = new ExpireHandler(Repository, Publisher, Timers, options, time, loggers.CreateLogger<ExpireHandler>());
        var pause = new PauseHandler(Repository, Timers, options, loggers.CreateLogger<PauseHandler>());
        Engine = new SecondaryZoneEngine(Repository, refresh, expire, pause, Publisher, Table, Timers, policy, options, time, loggers.CreateLogger<SecondaryZoneEngine>());
        Notify = new NotifyRequestHandler(Engine, new TsigVerifier(time), new TsigSigner(time), time, loggers.CreateLogger<NotifyRequestHandler>());
    }

    public TempStore Temp { get; }

    public TimeProvider Time { get; }

    public TransferOptions Options { get; }

    public CapturedLogs Logs { get; }

    public TsigSecretProtector Protector { get; }

    public ZoneTable Table { get; } = new();

    public ZoneStore Store { get; }

    public ZonePublisher Publisher { get; }

    public SecondaryZoneRepository Repository { get; }

    public SecondaryZoneCatalog Catalog { get; }

    public ZoneDrafts Drafts { get; }

    public TransferProgress Progress { get; } = new();

    public ZoneEventTimers Timers { get; }

    public SecondaryZoneEngine Engine { get; }

    public NotifyRequestHandler Notify { get; }

    /// <summary>The <see cref="Stopwatch"/> timestamp at which the last NOTIFY arrived (to measure NOTIFY-to-served).</summary>
    public long LastNotifyTimestamp => Interlocked.Read(ref _lastNotify);

    private long _lastNotify;

    /// <summary>Where our DNS server listens (UDP and TCP, same port).</summary>
    public IPEndPoint DnsEndPoint => _dns!.BoundUdpEndpoints[0];

    /// <summary>Starts a harness; <paramref name="temp"/> reuses a store (a restart), otherwise a new one is made and migrated.</summary>
    public static async Task<SecondaryHarness> StartAsync(TimeProvider? time = null, TransferOptions? options = null, ITestOutputHelper? output = null,
        TempStore? temp = null, int dnsPort = 0)
    {
        temp ??= await TempStore.CreateMigratedAsync();
        var harness = new SecondaryHarness(temp, time ?? TimeProvider.System, options ?? new TransferOptions(), new CapturedLogs(output));
        var router = new DnsRequestRouter(new AuthoritativeRequestHandler(harness.Table, new ResponderOptions(), new QueryCounters()),
            new TimestampingHandler(harness.Notify, harness));
        harness._dns = new DnsServer(new DnsServerOptions { Endpoints = [new IPEndPoint(IPAddress.Loopback, dnsPort)], UdpReceiveLoops = 1 }, router);
        await harness._dns.StartAsync();
        await harness.Publisher.StartAsync(CancellationToken.None);
        await harness.Engine.StartAsync(CancellationToken.None);
        await harness.Engine.Started.WaitAsync(TimeSpan.FromSeconds(20));
        return harness;
    }

    /// <summary>Adds a secondary zone through the catalog and has the engine pick it up now (instead of at its next poll).</summary>
    public async Task AddZoneAsync(DnsName origin, IPEndPoint primary, TsigKey? key = null, params IPEndPoint[] more)
    {
        var added = await Catalog.AddAsync(origin, [primary, .. more], key?.Name.ToString(), key);
        Assert.True(added.Succeeded, added.Message);
        await Engine.ReloadAsync();
    }

    /// <summary>
    /// Starts a harness on <paramref name="time"/> with <paramref name="origin"/> transferred from <paramref name="primary"/>:
    /// returns once the zone is served and its loop is idle.
    /// </summary>
    public static async Task<SecondaryHarness> StartServingAsync(TimeProvider time, DnsName origin, IPEndPoint primary, ITestOutputHelper? output = null)
    {
        var bound = TimeSpan.FromSeconds(15);
        var harness = await StartAsync(time, output: output);
        await harness.AddZoneAsync(origin, primary);
        await WaitUntilAsync(() => harness.ServedSerial(origin) is not null, bound, "the first transfer");
        Assert.True(harness.Engine.TryGetZone(origin, out var loop));
        await WaitUntilAsync(() => !loop.IsBusy, bound, "the zone's loop idle");
        return harness;
    }

    /// <summary>Waits (real time, bounded) until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(stopwatch.Elapsed < timeout, $"not within {timeout.TotalSeconds} s: {what}");
            await Task.Delay(5);
        }
    }

    /// <summary>The serial served for <paramref name="origin"/>, or null while it answers SERVFAIL or is unknown.</summary>
    public uint? ServedSerial(DnsName origin) => Table.Get(origin)?.Serial;

    /// <summary>The refresh state as stored.</summary>
    public async Task<SecondaryZoneState?> StoredStateAsync(DnsName origin) => (await Catalog.GetReportAsync(origin))?.State;

    /// <summary>Asks our DNS server over UDP.</summary>
    public async Task<DnsMessage> QueryAsync(string name, RecordType type)
    {
        var query = DnsMessage.CreateQuery(DnsName.Parse(name), type, (ushort)Random.Shared.Next(ushort.MaxValue)).ToArray();
        using var client = new UdpClient(AddressFamily.InterNetwork);
        await client.SendAsync(query, DnsEndPoint);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        return DnsMessage.Parse((await client.ReceiveAsync(cancel.Token)).Buffer);
    }

    /// <summary>Sends a NOTIFY for <paramref name="zone"/> from <paramref name="source"/> (127.0.0.1 unless given) and returns the answer.</summary>
    public async Task<DnsMessage> SendNotifyAsync(DnsName zone, IPAddress? source = null, TsigKey? key = null)
    {
        var request = NotifyMessage.CreateRequest(zone, (ushort)Random.Shared.Next(ushort.MaxValue));
        byte[] bytes = key is null ? request.ToArray() : new TsigSigner(TimeProvider.System).SignRequest(request, key, out _);
        using var client = new UdpClient(new IPEndPoint(source ?? IPAddress.Loopback, 0));
        await client.SendAsync(bytes, DnsEndPoint);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        return DnsMessage.Parse((await client.ReceiveAsync(cancel.Token)).Buffer);
    }

    /// <summary>Notes when each NOTIFY arrives, then hands it to the real handler.</summary>
    private sealed class TimestampingHandler(IDnsRequestHandler inner, SecondaryHarness owner) : IDnsRequestHandler
    {
        public int Handle(ReadOnlySpan<byte> request, Span<byte> response, in DnsRequestContext context)
        {
            Interlocked.Exchange(ref owner._lastNotify, Stopwatch.GetTimestamp());
            return inner.Handle(request, response, context);
        }
    }

    /// <summary>Stops everything but keeps the store (for a restart).</summary>
    public async Task StopAsync()
    {
        await Engine.StopAsync(CancellationToken.None);
        await Publisher.StopAsync(CancellationToken.None);
        if (_dns is not null)
            await _dns.DisposeAsync();
        Engine.Dispose();
        Publisher.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Temp.Dispose();
    }
}
