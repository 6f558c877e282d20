using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using SecondaryPortal.Dns.Outbound;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Outbound;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Tests.Support;

using static SecondaryPortal.Engine.Tests.Outbound.ZoneJournalTests;

namespace SecondaryPortal.Engine.Tests.Outbound;

/// <summary>The access lists and NOTIFY targets as stored, and the cache the DNS listeners read them from.</summary>
public sealed class TransferSettingsTests
{
    private static readonly DnsName Origin = DnsName.Parse("journal.example.");
    private static readonly IPAddress Client = IPAddress.Parse("192.0.2.10");

    [Fact]
    public async Task AllowTransfer_IsStored_AndAllowingTwiceChangesNothing()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        await Store(temp).ImportAsync(Origin, Version(1));
        var settings = Settings(temp);

        var first = await settings.AllowTransferAsync(Origin, TransferAclEntry.Parse("192.0.2.0/24"));
        var second = await settings.AllowTransferAsync(Origin, TransferAclEntry.Parse("192.0.2.0/24"));
        await settings.AllowTransferAsync(Origin, TransferAclEntry.Parse("key:xfr.example."));

        Assert.Equal(TransferSettingsChangeStatus.Changed, first.Status);
        Assert.Equal(TransferSettingsChangeStatus.Unchanged, second.Status);
        var stored = await settings.GetAsync(Origin);
        Assert.Equal(["192.0.2.0/24", "key:xfr.example."], stored!.Acl.Select(e => e.ToString()));
    }

    [Fact]
    public async Task Changes_ToAZoneNotStored_OrASecondaryZone_AreRefusedWithAReason()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        await using (var context = temp.CreateContext())
        {
            context.Zones.Add(new Zone { Origin = "secondary.example.", Kind = ZoneKind.Secondary, CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch });
            await context.SaveChangesAsync();
        }
        var settings = Settings(temp);

        var missing = await settings.AllowTransferAsync(Origin, TransferAclEntry.Parse("192.0.2.1"));
        var secondary = await settings.AddNotifyTargetAsync(DnsName.Parse("secondary.example."), new IPEndPoint(Client, 53), null);

        Assert.Equal(TransferSettingsChangeStatus.ZoneNotFound, missing.Status);
        Assert.Equal(TransferSettingsChangeStatus.NotAuthoritative, secondary.Status);
        Assert.Contains("secondary zone", secondary.Message);
        Assert.Null(await settings.GetAsync(Origin));
    }

    [Fact]
    public async Task NotifyTargets_AreAddedUpdatedAndRemoved()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        await Store(temp).ImportAsync(Origin, Version(1));
        var settings = Settings(temp);
        var target = new IPEndPoint(Client, 5353);

        await settings.AddNotifyTargetAsync(Origin, target, null);
        var rekeyed = await settings.AddNotifyTargetAsync(Origin, target, DnsName.Parse("Notify.Example."));
        var withKey = (await settings.GetAsync(Origin))!.NotifyTargets;
        var removed = await settings.RemoveNotifyTargetAsync(Origin, target);
        var again = await settings.RemoveNotifyTargetAsync(Origin, target);

        Assert.Equal(TransferSettingsChangeStatus.Changed, rekeyed.Status);
        Assert.Equal(["192.0.2.10:5353 key notify.example."], withKey.Select(t => t.ToString()));
        Assert.Equal(TransferSettingsChangeStatus.Changed, removed.Status);
        Assert.Equal(TransferSettingsChangeStatus.Unchanged, again.Status);
        Assert.Empty((await settings.GetAsync(Origin))!.NotifyTargets);
    }

    [Fact]
    public async Task Cache_FollowsTheStore_OnlyAfterARefresh()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        await Store(temp).ImportAsync(Origin, Version(1));
        var settings = Settings(temp);
        var cache = Cache(temp);
        await cache.RefreshAsync();
        bool before = cache.IsTransferAllowed(Origin, Client, null);

        await settings.AllowTransferAsync(Origin, TransferAclEntry.Parse("192.0.2.0/24"));
        bool stale = cache.IsTransferAllowed(Origin, Client, null);
        await cache.RefreshAsync();
        bool allowed = cache.IsTransferAllowed(DnsName.Parse("JOURNAL.example."), Client, null);
        await settings.DenyTransferAsync(Origin, TransferAclEntry.Parse("192.0.2.0/24"));
        await cache.RefreshAsync();

        Assert.False(before);
        Assert.False(stale);
        Assert.True(allowed);
        Assert.False(cache.IsTransferAllowed(Origin, Client, null));
    }

    [Fact]
    public async Task Cache_AllowsKeysOnlyWhenTheRequestWasSignedWithThem()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        await Store(temp).ImportAsync(Origin, Version(1));
        await Settings(temp).AllowTransferAsync(Origin, TransferAclEntry.Parse("key:xfr.example."));
        var cache = Cache(temp);

        await cache.RefreshAsync();

        Assert.True(cache.IsTransferAllowed(Origin, Client, DnsName.Parse("xfr.example.")));
        Assert.False(cache.IsTransferAllowed(Origin, Client, null));
        Assert.False(cache.IsTransferAllowed(DnsName.Parse("other.example."), Client, DnsName.Parse("xfr.example.")));
    }

    [Fact]
    public async Task Cache_ChainsTheJournalFromAnySerialItHolds()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var store = Store(temp);
        for (uint serial = 1; serial <= 4; serial++)
            await store.ImportAsync(Origin, Version(serial, $"v{serial}"));
        var cache = Cache(temp);

        await cache.RefreshAsync();

        Assert.True(cache.TryGetDiffs(Origin, 1, 4, out var all));
        Assert.Equal([(1u, 2u), (2u, 3u), (3u, 4u)], all.Select(d => (d.OldSerial, d.NewSerial)));
        Assert.True(cache.TryGetDiffs(Origin, 2, 4, out var later));
        Assert.Equal([(2u, 3u), (3u, 4u)], later.Select(d => (d.OldSerial, d.NewSerial)));
        Assert.True(cache.TryGetDiffs(Origin, 2, 3, out var middle));
        Assert.Single(middle);
        Assert.False(cache.TryGetDiffs(Origin, 0, 4, out _));
        Assert.False(cache.TryGetDiffs(Origin, 1, 5, out _));
        Assert.False(cache.TryGetDiffs(Origin, 4, 4, out _));
    }

    [Fact]
    public async Task Cache_ListsTheNotifyTargetsOfEachZone()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var store = Store(temp);
        await store.ImportAsync(Origin, Version(1));
        await store.ImportAsync(DnsName.Parse("quiet.example."), Version(1, origin: DnsName.Parse("quiet.example.")));
        await Settings(temp).AddNotifyTargetAsync(Origin, new IPEndPoint(Client, 53), null);
        var cache = Cache(temp);

        await cache.RefreshAsync();

        var (zone, targets) = Assert.Single(cache.NotifyTargets);
        Assert.Equal(Origin, zone);
        Assert.Equal([new IPEndPoint(Client, 53)], targets.Select(t => t.EndPoint));
    }

    internal static ZoneTransferSettingsStore Settings(TempStore temp) => new(temp.Contexts, NullLogger<ZoneTransferSettingsStore>.Instance);

    internal static TransferSettingsCache Cache(TempStore temp) => new(temp.Contexts, NullLogger<TransferSettingsCache>.Instance);
}
