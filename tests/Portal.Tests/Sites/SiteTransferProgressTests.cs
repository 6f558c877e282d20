using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Tests.Support;
using SecondaryPortal.Engine.Zones;
using SecondaryPortal.Portal.Services.Sites;
using SecondaryPortal.Portal.Tests.Support;

namespace SecondaryPortal.Portal.Tests.Sites;

/// <summary>The wizard's step 4 while the first transfer runs: the engine's live count, then the stored result.</summary>
public sealed class SiteTransferProgressTests
{
    [Fact]
    public async Task GetTransferProgress_WhileTheFirstTransferRuns_CountsTheRecordsReceived_ThenShowsTheStoredZone()
    {
        var origin = DnsName.Parse("live.example.");
        var body = new List<DnsRecord> { new(origin, 300, new NsData(DnsName.Parse("ns1.live.example."))) };
        body.AddRange(Enumerable.Range(1, 39).Select(i => new DnsRecord(DnsName.Parse($"h{i}.live.example."), 300, new AData(IPAddress.Parse($"192.0.2.{i}")))));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var primary = MiniPrimary.Start(origin, 7, body);
        primary.HoldAfterFirstMessage = release.Task;
        await using var portal = await RunningPortal.StartAsync();
        var scope = await SiteAccounts.CreateAsync(portal, "live@example.com");
        var added = await portal.Services.GetRequiredService<SecondaryZoneCatalog>()
            .AddAsync(origin, [primary.EndPoint], new SecondaryZoneAddOptions { OwnerId = scope.UserId, AsDraft = true });
        Assert.Equal(SecondaryZoneAddStatus.Added, added.Status);
        long zoneId;
        await using (var context = await portal.Services.GetRequiredService<IDbContextFactory<StoreDbContext>>().CreateDbContextAsync())
            zoneId = await context.Zones.Where(z => z.Origin == "live.example.").Select(z => z.Id).SingleAsync();
        var sites = portal.Services.GetRequiredService<SiteWizardService>();

        // The primary holds the transfer after its first message of ten records.
        var running = await SiteWizardFlowTests.UntilAsync(() => sites.GetTransferProgressAsync(scope, zoneId), p => p!.RecordsReceived > 0);
        release.SetResult();
        var done = await SiteWizardFlowTests.UntilAsync(() => sites.GetTransferProgressAsync(scope, zoneId), p => p!.Phase == SiteTransferPhase.Transferred);

        Assert.Equal(SiteTransferPhase.Transferring, running!.Phase);
        Assert.InRange(running.RecordsReceived, 1, 40);
        Assert.Equal((SiteTransferPhase.Transferred, 41L), (done!.Phase, done.RecordsReceived));
    }
}
