using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Outbound;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Outbound;
using SecondaryPortal.Engine.Tests.Support;
using SecondaryPortal.Engine.Zones;

using static SecondaryPortal.Engine.Tests.Outbound.TransferSettingsTests;
using static SecondaryPortal.Engine.Tests.Outbound.ZoneJournalTests;

namespace SecondaryPortal.Engine.Tests.Outbound;

/// <summary>NOTIFY out: sent to each configured secondary when an import changes a served serial, with retries, never holding up the import.</summary>
public sealed class ZoneNotifyServiceTests
{
    private static readonly DnsName Origin = DnsName.Parse("journal.example.");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Import_OfANewSerial_IsNotifiedAtOnce_AndRetriedUntilAnswered()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        using var secondary = new FakeSecondary();
        var store = Store(temp);
        await store.ImportAsync(Origin, Version(1));
        await Settings(temp).AddNotifyTargetAsync(Origin, secondary.EndPoint, null);
        await using var running = await RunningService.StartAsync(temp, store);
        var first = await secondary.ReceiveAsync(Patience);
        Assert.NotNull(first);
        await secondary.AcknowledgeAsync(first.Value.Message, first.Value.From);

        var clock = Stopwatch.StartNew();
        var imported = await store.ImportAsync(Origin, Version(2, "changed"));
        long importMs = clock.ElapsedMilliseconds;
        var notify = await secondary.ReceiveAsync(Patience);
        long notifiedMs = clock.ElapsedMilliseconds;
        var retry = await secondary.ReceiveAsync(Patience);
        await secondary.AcknowledgeAsync(retry!.Value.Message, retry.Value.From);

        Assert.True(imported.Succeeded);
        Assert.Equal(1u, FakeSecondary.Serial(first.Value.Message));
        Assert.NotNull(notify);
        Assert.Equal(DnsOpcode.Notify, notify.Value.Message.Opcode);
        Assert.Equal(Origin, notify.Value.Message.Questions.Single().Name);
        Assert.Equal(2u, FakeSecondary.Serial(notify.Value.Message));
        Assert.Equal(notify.Value.Message.Id, retry.Value.Message.Id); // the same NOTIFY again (RFC 1996 §3.6)
        Assert.True(notifiedMs < 2000, $"the NOTIFY came {notifiedMs} ms after the import began; the poll interval is 60 s");
        Assert.True(importMs < 2000, $"the import took {importMs} ms");
        var acknowledged = await running.WaitForLogAsync(e => e.Message.Contains("acknowledged") && e.Fields["Serial"] is 2u);
        Assert.Equal("journal.example.", acknowledged.Fields["Zone"]);
        Assert.Equal(secondary.EndPoint, acknowledged.Fields["Secondary"]);
        // At least the first datagram and the retry; a slow machine may send one more before our answer arrives.
        Assert.InRange((int)acknowledged.Fields["Attempts"]!, 2, RunningService.Retries.MaxAttempts);
    }

    [Fact]
    public async Task Notify_ThatIsNeverAnswered_IsLoggedAsNotAcknowledged_AndDoesNotBlockTheImport()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        using var secondary = new FakeSecondary();
        var store = Store(temp);
        await store.ImportAsync(Origin, Version(1));
        await Settings(temp).AddNotifyTargetAsync(Origin, secondary.EndPoint, null);
        await using var running = await RunningService.StartAsync(temp, store);

        var clock = Stopwatch.StartNew();
        await store.ImportAsync(Origin, Version(2, "changed"));
        long importMs = clock.ElapsedMilliseconds;

        var failed = await running.WaitForLogAsync(e => e.Message.Contains("not acknowledged") && e.Fields["Serial"] is 2u);
        Assert.Equal(NotifyOutcome.Timeout, failed.Fields["Outcome"]);
        Assert.Equal(RunningService.Retries.MaxAttempts, failed.Fields["Attempts"]);
        Assert.True(importMs < 1000, $"the import took {importMs} ms");
    }

    [Fact]
    public async Task Notify_ThatIsNeverAnswered_IsHandedToTheDurableRetryQueue_AndAnAnsweredOneIsNot()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        using var silent = new FakeSecondary();
        using var answering = new FakeSecondary();
        var store = Store(temp);
        await store.ImportAsync(Origin, Version(1));
        var settings = Settings(temp);
        await settings.AddNotifyTargetAsync(Origin, silent.EndPoint, null);
        await settings.AddNotifyTargetAsync(Origin, answering.EndPoint, null);
        var retries = new RecordedRetries();
        await using var running = await RunningService.StartAsync(temp, store, retries: retries);
        var notify = await answering.ReceiveAsync(Patience);
        await answering.AcknowledgeAsync(notify!.Value.Message, notify.Value.From);

        await running.WaitForLogAsync(e => e.Message.Contains("acknowledged by")); // the answering one is done with
        for (var deadline = DateTime.UtcNow + Patience; retries.Handed.Count == 0 && DateTime.UtcNow < deadline;)
            await Task.Delay(20); // the silent one is handed over once the sender's own attempts ran out

        Assert.Equal([(Origin, 1u, silent.EndPoint)], retries.Handed);
    }

    [Fact]
    public async Task Notify_ToATargetWithAKey_IsSigned_AndATargetWithAnUnknownKeyIsSkipped()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        using var signedSecondary = new FakeSecondary();
        using var unknownKeySecondary = new FakeSecondary();
        var key = TsigKey.Create("notify-key.example.", "hmac-sha256", "c2VjcmV0IGZvciB0aGUgbm90aWZ5IHRlc3Qgb25seSE=");
        var store = Store(temp);
        await store.ImportAsync(Origin, Version(1));
        var settings = Settings(temp);
        await settings.AddNotifyTargetAsync(Origin, signedSecondary.EndPoint, key.Name);
        await settings.AddNotifyTargetAsync(Origin, unknownKeySecondary.EndPoint, DnsName.Parse("missing.example."));

        await using var running = await RunningService.StartAsync(temp, store, new TsigKeyring([key]));
        var signed = await signedSecondary.ReceiveAsync(Patience);
        // The skip is logged where the announcement would start: once both targets were dealt with, the count of
        // announcements started is a fact (any send, signed or not, starts one), and nothing may have reached the second.
        var skipped = await running.WaitForLogAsync(e => e.Message.Contains("no TSIG key named"));
        int started = running.Service.NotificationsStarted;
        var unsigned = await unknownKeySecondary.ReceiveAsync(TimeSpan.FromMilliseconds(1));

        Assert.NotNull(signed);
        Assert.Equal(key.Name, signed.Value.Message.Tsig?.Name);
        Assert.Equal(DnsName.Parse("missing.example."), skipped.Fields["Key"]);
        Assert.Equal(1, started);
        Assert.Null(unsigned);
    }

    [Fact]
    public async Task Zones_WithoutNotifyTargets_AreNotNotified()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        using var secondary = new FakeSecondary();
        var store = Store(temp);
        await store.ImportAsync(Origin, Version(1));
        await using var running = await RunningService.StartAsync(temp, store);

        await store.ImportAsync(Origin, Version(2, "changed"));
        await running.Service.RunPassAsync();

        Assert.Equal(0, running.Service.NotificationsStarted);
        Assert.Equal(2u, running.Table.Get(Origin)?.Serial);
    }

    /// <summary>The service with a real publisher and settings cache, a quick retry schedule and a long poll interval.</summary>
    private sealed class RunningService : IAsyncDisposable
    {
        public static readonly NotifySenderOptions Retries = new() { InitialTimeout = TimeSpan.FromMilliseconds(300), MaxTimeout = TimeSpan.FromMilliseconds(300), MaxAttempts = 3 };

        private RunningService(ZoneNotifyService service, ZoneTable table, ListLogger<ZoneNotifyService> log)
        {
            Service = service;
            Table = table;
            Log = log;
        }

        public ZoneNotifyService Service { get; }

        public ZoneTable Table { get; }

        public ListLogger<ZoneNotifyService> Log { get; }

        public static async Task<RunningService> StartAsync(TempStore temp, ZoneStore store, TsigKeyring? keys = null, INotifyRetryQueue? retries = null)
        {
            var table = new ZoneTable();
            var publisher = new ZonePublisher(store, table, new ZonePublisherOptions(), TimeProvider.System, NullLogger<ZonePublisher>.Instance);
            var sender = new NotifySender(TimeProvider.System, NullLogger<NotifySender>.Instance, Retries);
            var log = new ListLogger<ZoneNotifyService>();
            var service = new ZoneNotifyService(store, table, Cache(temp), sender, new FixedKeys(keys ?? TsigKeyring.Empty),
                new PrimaryTransferOptions { NotifyPollInterval = TimeSpan.FromSeconds(60) }, TimeProvider.System, log, publisher, retries: retries);
            await service.StartAsync(CancellationToken.None);
            return new RunningService(service, table, log);
        }

        public async Task<ListLogger<ZoneNotifyService>.Entry> WaitForLogAsync(Func<ListLogger<ZoneNotifyService>.Entry, bool> match)
        {
            for (var deadline = DateTime.UtcNow + Patience; DateTime.UtcNow < deadline; await Task.Delay(20))
            {
                if (Log.Entries.FirstOrDefault(match) is { } entry)
                    return entry;
            }
            throw new TimeoutException("no such log entry:\n" + string.Join('\n', Log.Entries.Select(e => e.Message)));
        }

        public async ValueTask DisposeAsync()
        {
            await Service.StopAsync(CancellationToken.None);
            Service.Dispose();
        }
    }

    private sealed class RecordedRetries : INotifyRetryQueue
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<(DnsName, uint, IPEndPoint)> _handed = new();

        public IReadOnlyList<(DnsName Zone, uint Serial, IPEndPoint Secondary)> Handed => [.. _handed];

        public void Retry(DnsName zone, uint serial, IPEndPoint secondary) => _handed.Enqueue((zone, serial, secondary));
    }

    private sealed class FixedKeys(TsigKeyring keyring) : ITsigKeyLookup
    {
        public TsigKeyring Keyring => keyring;
    }
}
