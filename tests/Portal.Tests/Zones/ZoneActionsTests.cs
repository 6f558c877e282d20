using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneFiles;
using SecondaryPortal.Engine.Zones;
using SecondaryPortal.Portal.Services.Zones;
using static SecondaryPortal.Portal.Tests.Zones.ZoneServiceHost;

namespace SecondaryPortal.Portal.Tests.Zones;

public sealed class ZoneActionsTests
{
    [Fact]
    public async Task EveryAction_OnAnotherAccountsZone_IsNotFound_AndChangesNothing()
    {
        await using var host = await ZoneServiceHost.StartAsync();
        long secondary = await host.AddSecondaryAsync("alice-sec.example.", Alice);
        long authoritative = await host.ImportAsync("alice.example.", Alice);
        var actions = host.Get<ZoneActions>();
        var outgoing = host.Get<OutgoingTransfers>();

        Assert.Equal(ZoneActionStatus.NotFound, (await actions.TransferNowAsync(Bob, secondary)).Status);
        Assert.Equal(ZoneActionStatus.NotFound, (await actions.DeleteAsync(Bob, authoritative)).Status);
        Assert.Null(await actions.ExportAsync(Bob, authoritative));
        Assert.Equal(ZoneActionStatus.NotFound, (await outgoing.AllowAsync(Bob, authoritative, "192.0.2.0/24")).Status);
        Assert.Equal(ZoneActionStatus.NotFound, (await outgoing.AddNotifyTargetAsync(Bob, authoritative, "192.0.2.7", null)).Status);

        Assert.Equal(2, (await host.Get<ZoneStore>().ListAsync()).Count);
        Assert.Empty((await outgoing.GetAsync(Alice, authoritative))!.Acl);
    }

    [Fact]
    public async Task TransferNow_OnASecondaryZone_IsRequested_AndOnAnAuthoritativeOne_IsRefusedWithTheReason()
    {
        await using var host = await ZoneServiceHost.StartAsync();
        long secondary = await host.AddSecondaryAsync("sec.example.", Alice);
        long authoritative = await host.ImportAsync("auth.example.", Alice);
        var actions = host.Get<ZoneActions>();

        var requested = await actions.TransferNowAsync(Alice, secondary);
        var refused = await actions.TransferNowAsync(Alice, authoritative);

        Assert.Equal(ZoneActionStatus.Done, requested.Status);
        Assert.DoesNotContain("zone status", requested.Message, StringComparison.Ordinal);
        Assert.Equal(ZoneActionStatus.Refused, refused.Status);
        Assert.Equal("auth.example. is hosted here: it has no primary to transfer from.", refused.Message);
    }

    [Fact]
    public async Task Export_GivesAZoneFileThatParsesBackToTheStoredRecords()
    {
        await using var host = await ZoneServiceHost.StartAsync();
        long id = await host.ImportAsync("export.example.", Alice, serial: 9);

        var file = await host.Get<ZoneActions>().ExportAsync(Alice, id);

        Assert.Equal("export.example.zone", file!.FileName);
        Assert.Equal(5, file.RecordCount);
        Assert.Equal(5, ZoneFileParser.Parse(file.Text, DnsName.Parse("export.example.")).Count());
    }

    [Fact]
    public async Task Delete_RemovesTheZone_ThenItIsNotFound()
    {
        await using var host = await ZoneServiceHost.StartAsync();
        long id = await host.ImportAsync("gone.example.", Alice);
        var actions = host.Get<ZoneActions>();

        var deleted = await actions.DeleteAsync(Alice, id);
        var again = await actions.DeleteAsync(Alice, id);

        Assert.Equal(ZoneActionStatus.Done, deleted.Status);
        Assert.Equal(ZoneActionStatus.NotFound, again.Status);
        Assert.Null(await host.Get<ZoneDirectory>().GetAsync(Admin, id));
    }

    [Fact]
    public async Task OutgoingTransfers_ValidateTheTypedText_AndRefuseAnotherAccountsKey()
    {
        await using var host = await ZoneServiceHost.StartAsync();
        long id = await host.ImportAsync("primary.example.", Alice);
        long secondary = await host.AddSecondaryAsync("sec.example.", Alice);
        var outgoing = host.Get<OutgoingTransfers>();

        var badNetwork = await outgoing.AllowAsync(Alice, id, "192.0.2.300/24");
        var strangerKey = await outgoing.AllowAsync(Alice, id, "key:nobodys-key.");
        var badTarget = await outgoing.AddNotifyTargetAsync(Alice, id, "192.0.2.7:99999", null);
        var allowed = await outgoing.AllowAsync(Alice, id, " 192.0.2.0/24 ");
        var twice = await outgoing.AllowAsync(Alice, id, "192.0.2.0/24");
        var notified = await outgoing.AddNotifyTargetAsync(Alice, id, "[2001:db8::5]:5353", null);
        var onSecondary = await outgoing.AllowAsync(Alice, secondary, "192.0.2.0/24");

        Assert.Equal(ZoneActionStatus.Invalid, badNetwork.Status);
        Assert.Equal(ZoneActionStatus.Invalid, strangerKey.Status);
        Assert.Contains("no TSIG key nobodys-key.", strangerKey.Message, StringComparison.Ordinal);
        Assert.Equal(ZoneActionStatus.Invalid, badTarget.Status);
        Assert.Equal(ZoneActionStatus.Done, allowed.Status);
        Assert.Equal(ZoneActionStatus.Unchanged, twice.Status);
        Assert.Equal(ZoneActionStatus.Done, notified.Status);
        Assert.Equal(ZoneActionStatus.Refused, onSecondary.Status);
        var settings = await outgoing.GetAsync(Alice, id);
        Assert.Equal(["192.0.2.0/24"], settings!.Acl.Select(a => a.ToString()));
        Assert.Equal(["[2001:db8::5]:5353"], settings.NotifyTargets.Select(t => t.ToString()));
        Assert.Equal(ZoneActionStatus.Done, (await outgoing.RemoveNotifyTargetAsync(Alice, id, "[2001:db8::5]:5353")).Status);
        Assert.Equal(ZoneActionStatus.Done, (await outgoing.DenyAsync(Alice, id, "192.0.2.0/24")).Status);
    }
}
