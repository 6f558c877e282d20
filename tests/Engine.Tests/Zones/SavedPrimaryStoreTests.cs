using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Tests.Support;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Tests.Zones;

public sealed class SavedPrimaryStoreTests
{
    [Theory]
    [InlineData("", "192.0.2.1", 53, "Give the primary a name.")]
    [InlineData("office", "", 53, "Enter the primary's IPv4 or IPv6 address.")]
    [InlineData("office", "192.0.2.300", 53, "'192.0.2.300' is not an IPv4 or IPv6 address.")]
    [InlineData("office", "192.0.2", 53, "'192.0.2' is not an IPv4 or IPv6 address.")]
    [InlineData("office", "ns1.example.com", 53, "'ns1.example.com' is not an IPv4 or IPv6 address.")]
    [InlineData("office", "192.0.2.1", 0, "The port must be between 1 and 65535 (53 as a rule).")]
    [InlineData("office", "192.0.2.1", 65536, "The port must be between 1 and 65535 (53 as a rule).")]
    public async Task Add_WithBadInput_SaysWhatToCorrect_AndStoresNothing(string name, string address, int port, string message)
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var store = Store(temp);

        var result = await store.AddAsync("user-1", new SavedPrimaryInput(name, address, port));

        Assert.Equal((SavedPrimaryStatus.Invalid, message), (result.Status, result.Message));
        Assert.Empty(await store.ListAsync(null));
    }

    [Fact]
    public async Task Add_WithEveryFieldWrong_NamesEachField_AndStoresNothing()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var store = Store(temp);

        var result = await store.AddAsync("user-1", new SavedPrimaryInput("", "192.0.2", 0, 999));

        Assert.Equal((SavedPrimaryStatus.Invalid, "Give the primary a name."), (result.Status, result.Message));
        Assert.Equal(["Address", "Name", "Port", "TsigKeyId"], result.Problems!.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(await store.ListAsync(null));
    }

    [Fact]
    public async Task Add_WithANameTheOwnerUses_OrAnotherAccountsKey_IsRefused()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var store = Store(temp);
        long othersKey = await AddKeyAsync(temp, "others.", "user-2");
        Assert.True((await store.AddAsync("user-1", new SavedPrimaryInput(" Office ", "2001:db8::1"))).Succeeded);

        var sameName = await store.AddAsync("user-1", new SavedPrimaryInput("office", "192.0.2.2"));
        var foreignKey = await store.AddAsync("user-1", new SavedPrimaryInput("lab", "192.0.2.2", 53, othersKey));
        var otherAccount = await store.AddAsync("user-2", new SavedPrimaryInput("office", "192.0.2.2", 53, othersKey));

        Assert.Equal((SavedPrimaryStatus.NameTaken, "A primary named 'office' is saved already; choose another name."), (sameName.Status, sameName.Message));
        Assert.Equal(SavedPrimaryStatus.KeyNotFound, foreignKey.Status);
        Assert.True(otherAccount.Succeeded, otherAccount.Message);
        var mine = Assert.Single(await store.ListAsync("user-1"));
        Assert.Equal(("Office", "2001:db8::1", 53, "[2001:db8::1]:53"), (mine.Name, mine.Address, mine.Port, mine.EndPoint));
        Assert.Equal("others.", Assert.Single(await store.ListAsync("user-2")).TsigKeyName);
        Assert.Equal(2, (await store.ListAsync(null)).Count);
    }

    [Fact]
    public async Task Update_CarriesTheNewAddressToTheOwnersZones_Only_AndAdvancesTheSettingsVersion()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var store = Store(temp);
        var catalog = new SecondaryZoneCatalog(temp.Contexts, Protector(temp), TimeProvider.System, NullLogger<SecondaryZoneCatalog>.Instance);
        var old = new IPEndPoint(IPAddress.Parse("192.0.2.1"), 53);
        await catalog.AddAsync(DnsName.Parse("mine.example."), [old], new SecondaryZoneAddOptions { OwnerId = "user-1" });
        await catalog.AddAsync(DnsName.Parse("theirs.example."), [old], new SecondaryZoneAddOptions { OwnerId = "user-2" });
        var saved = (await store.AddAsync("user-1", new SavedPrimaryInput("office", "192.0.2.1"))).Primary!;
        Assert.Equal(1, saved.ZonesUsing);
        long configBefore = await ConfigVersionAsync(temp);

        var updated = await store.UpdateAsync(saved.Id, "user-1", new SavedPrimaryInput("office", "192.0.2.2", 5353));

        Assert.True(updated.Succeeded, updated.Message);
        Assert.Contains("1 zone primary now uses it", updated.Message, StringComparison.Ordinal);
        await using var context = temp.CreateContext();
        var primaries = await context.ZonePrimaries.Join(context.Zones, p => p.ZoneId, z => z.Id, (p, z) => new { z.Origin, p.Address, p.Port }).ToListAsync();
        Assert.Contains(primaries, p => p.Origin == "mine.example." && p.Address == "192.0.2.2" && p.Port == 5353);
        Assert.Contains(primaries, p => p.Origin == "theirs.example." && p.Address == "192.0.2.1" && p.Port == 53);
        Assert.True(await ConfigVersionAsync(temp) > configBefore);
        Assert.Equal(1, updated.Primary!.ZonesUsing);
    }

    [Fact]
    public async Task UpdateAndRemove_OfAnotherAccountsPrimary_AreNotFound_AndRemoveWhileUsed_KeepsTheZones()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var store = Store(temp);
        var catalog = new SecondaryZoneCatalog(temp.Contexts, Protector(temp), TimeProvider.System, NullLogger<SecondaryZoneCatalog>.Instance);
        await catalog.AddAsync(DnsName.Parse("mine.example."), [new IPEndPoint(IPAddress.Parse("192.0.2.1"), 53)], new SecondaryZoneAddOptions { OwnerId = "user-1" });
        long id = (await store.AddAsync("user-1", new SavedPrimaryInput("office", "192.0.2.1"))).Primary!.Id;

        var foreignUpdate = await store.UpdateAsync(id, "user-2", new SavedPrimaryInput("x", "192.0.2.9"));
        var foreignRemove = await store.RemoveAsync(id, "user-2");
        var removed = await store.RemoveAsync(id, "user-1");

        Assert.Equal((SavedPrimaryStatus.NotFound, SavedPrimaryStatus.NotFound), (foreignUpdate.Status, foreignRemove.Status));
        Assert.Equal("Removed saved primary 'office'. 1 zone(s) still transfer from 192.0.2.1:53; their settings are unchanged.", removed.Message);
        Assert.Empty(await store.ListAsync(null));
        await using var context = temp.CreateContext();
        Assert.Equal("192.0.2.1", (await context.ZonePrimaries.SingleAsync()).Address);
    }

    private static SavedPrimaryStore Store(TempStore temp) => new(temp.Contexts, TimeProvider.System, NullLogger<SavedPrimaryStore>.Instance);

    private static TsigSecretProtector Protector(TempStore temp) =>
        new(DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(temp.Directory, "keys"))));

    private static async Task<long> AddKeyAsync(TempStore temp, string name, string owner)
    {
        await using var context = temp.CreateContext();
        var key = new StoredTsigKey { Name = name, Algorithm = "hmac-sha256", ProtectedSecret = "x", OwnerId = owner };
        context.TsigKeys.Add(key);
        await context.SaveChangesAsync();
        return key.Id;
    }

    private static async Task<long> ConfigVersionAsync(TempStore temp)
    {
        await using var context = temp.CreateContext();
        return (await context.StoreState.SingleAsync()).ConfigVersion;
    }
}
