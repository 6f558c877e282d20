using Microsoft.EntityFrameworkCore;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Portal.Services.Primaries;
using SecondaryPortal.Portal.Tests.Zones;
using static SecondaryPortal.Portal.Tests.Zones.ZoneServiceHost;

namespace SecondaryPortal.Portal.Tests.Primaries;

public sealed class PrimaryDirectoryTests
{
    [Fact]
    public async Task Add_WithBadFields_ReportsEachBesideItsField_AndStoresNothing()
    {
        await using var host = await ZoneServiceHost.StartAsync();
        var primaries = host.Get<PrimaryDirectory>();

        var result = await primaries.AddAsync(Alice, new PrimaryInput("", "192.0.2", 0, "missing-key"));

        Assert.Equal(PrimarySaveStatus.Invalid, result.Status);
        Assert.Equal(["Address", "KeyName", "Name", "Port"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(await primaries.ListAsync(Alice));
    }

    [Fact]
    public async Task List_ShowsTheZonesThatUseEachPrimary_AndOnlyTheAccountsOwn()
    {
        await using var host = await ZoneServiceHost.StartAsync();
        await host.AddSecondaryAsync("one.example.", Alice, "192.0.2.10");
        await host.AddSecondaryAsync("bobs.example.", Bob, "192.0.2.10");
        var primaries = host.Get<PrimaryDirectory>();

        var saved = await primaries.AddAsync(Alice, new PrimaryInput("office", "192.0.2.10"));
        var duplicate = await primaries.AddAsync(Alice, new PrimaryInput("office", "2001:db8::1"));

        Assert.True(saved.Succeeded, saved.Message);
        Assert.Equal("You already have a primary named office.", duplicate.Errors["Name"]);
        var view = Assert.Single(await primaries.ListAsync(Alice));
        Assert.Equal(["one.example."], view.Zones.Select(z => z.Origin));
        Assert.Empty(await primaries.ListAsync(Bob));
        Assert.Null(await primaries.GetAsync(Bob, saved.Id!.Value));
        Assert.Equal(PrimarySaveStatus.NotFound, (await primaries.DeleteAsync(Bob, saved.Id.Value)).Status);
        Assert.Equal(PrimarySaveStatus.NotFound, (await primaries.UpdateAsync(Bob, saved.Id.Value, new PrimaryInput("x", "192.0.2.1"))).Status);
    }

    [Fact]
    public async Task Update_OfTheAddress_MovesTheOwnersZonesThatUseIt_ButNotAnotherAccountsZone()
    {
        await using var host = await ZoneServiceHost.StartAsync();
        long mine = await host.AddSecondaryAsync("one.example.", Alice, "192.0.2.10");
        long bobs = await host.AddSecondaryAsync("bobs.example.", Bob, "192.0.2.10");
        var primaries = host.Get<PrimaryDirectory>();
        var saved = await primaries.AddAsync(Alice, new PrimaryInput("office", "192.0.2.10"));

        var updated = await primaries.UpdateAsync(Alice, saved.Id!.Value, new PrimaryInput("office", "2001:db8::53", 5353));

        Assert.True(updated.Succeeded, updated.Message);
        Assert.Contains("1 zone(s) that use it now transfer from [2001:db8::53]:5353", updated.Message, StringComparison.Ordinal);
        await using var context = await host.Get<IDbContextFactory<StoreDbContext>>().CreateDbContextAsync();
        var rows = await context.ZonePrimaries.ToDictionaryAsync(p => p.ZoneId, p => $"{p.Address}:{p.Port}");
        Assert.Equal("2001:db8::53:5353", rows[mine]);
        Assert.Equal("192.0.2.10:53", rows[bobs]);
        Assert.True((await primaries.DeleteAsync(Alice, saved.Id.Value)).Succeeded);
        Assert.Equal(2, await context.ZonePrimaries.CountAsync());
    }
}
