using Microsoft.AspNetCore.Components;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Zones;
using SecondaryPortal.Portal.Components.Pages.Zones;
using SecondaryPortal.Portal.Services.Zones;
using SecondaryPortal.Portal.Tests.Support;

using static SecondaryPortal.Portal.Tests.Zones.ZoneServiceHost;

namespace SecondaryPortal.Portal.Tests.Zones;

/// <summary>The zone and primary components rendered as static rendering does, asserted on their HTML.</summary>
public sealed class ZoneComponentTests
{
    [Theory]
    [InlineData(ZoneDisplayStatus.PendingReview, "Pending review", "text-bg-info")]
    [InlineData(ZoneDisplayStatus.Active, "Active", "text-bg-success")]
    [InlineData(ZoneDisplayStatus.Refreshing, "Refreshing", "text-bg-primary")]
    [InlineData(ZoneDisplayStatus.Failing, "Failing", "text-bg-warning")]
    [InlineData(ZoneDisplayStatus.Expired, "Expired", "text-bg-danger")]
    [InlineData(ZoneDisplayStatus.Paused, "Paused", "text-bg-secondary")]
    public async Task StatusBadge_SaysTheStatusInWords_WithItsColour(ZoneDisplayStatus status, string words, string css)
    {
        await using var host = await ZoneServiceHost.StartAsync();

        var html = await ComponentRenderer.RenderAsync<ZoneStatusBadge>(host.Services, new Dictionary<string, object?> { ["Status"] = status });

        var badge = html.QuerySelector(".badge")!;
        Assert.Equal(words, badge.TextContent);
        Assert.Contains(css, badge.ClassList);
    }

    [Fact]
    public async Task Pager_InTheMiddle_LinksTheNeighboursAndBothEnds_WithGapsBetween()
    {
        await using var host = await ZoneServiceHost.StartAsync();
        Func<int, string> link = p => $"zones?q=x&page={p}";

        var html = await ComponentRenderer.RenderAsync<Pager>(host.Services, new Dictionary<string, object?> { ["Page"] = 5, ["PageCount"] = 10, ["Link"] = link });

        Assert.Equal(["Previous", "1", "…", "3", "4", "5", "6", "7", "…", "10", "Next"], html.QuerySelectorAll(".page-item").Select(i => i.TextContent.Trim()));
        Assert.Equal("zones?q=x&page=4", html.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("zones?q=x&page=6", html.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("page", html.QuerySelector(".page-item.active a")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task StatusPanel_OfAFailingZoneBehindItsPrimary_ShowsTheErrorAndBothSerials_AndPollsItself()
    {
        await using var host = await ZoneServiceHost.StartAsync();
        var row = new ZoneListRow(7, "shop.example.", "shop.example.", ZoneKind.Secondary, ZoneDisplayStatus.Failing, 10, 12, 40, null, null,
            "192.0.2.1:53 refused the transfer (REFUSED)", "u");

        var html = await ComponentRenderer.RenderAsync<ZoneStatusPanel>(host.Services, new Dictionary<string, object?> { ["Row"] = row });

        var panel = html.QuerySelector("#zone-status")!;
        Assert.Equal("zones/7/status", panel.GetAttribute("hx-get"));
        Assert.Equal("10", panel.QuerySelector("[data-testid=serial]")!.TextContent);
        Assert.Contains("fw-semibold", panel.QuerySelector("[data-testid=primary-serial]")!.ClassList);
        Assert.Contains("REFUSED", panel.QuerySelector("[data-testid=last-error]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_OfASecondaryZone_ShowsTimersPrimariesWithKeys_AndTimeToExpiry()
    {
        await using var host = await ZoneServiceHost.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var row = new ZoneListRow(7, "shop.example.", "shop.example.", ZoneKind.Secondary, ZoneDisplayStatus.Active, 10, 10, 40, now, now.AddHours(1), null, "u");
        var detail = new ZoneDetail(row, now, now, true, new SoaTimers(3600, 600, 604800, 300, "ns1.shop.example.", "hostmaster.shop.example."),
            [new PrimaryReport("192.0.2.1:53", "transfer-key.", 10, now)], now, now, now.AddDays(7), TimeSpan.FromDays(7), false, [], null);

        var html = await ComponentRenderer.RenderAsync<ZoneOverview>(host.Services, new Dictionary<string, object?> { ["Detail"] = detail });

        Assert.Contains("3600 s (1 h)", html.QuerySelector("#soa")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("604800 s (7 d)", html.QuerySelector("#soa")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("transfer-key.", html.QuerySelector("#primaries tbody tr")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("in 7 days", html.QuerySelector("#expiry")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HistorySection_ShowsEachLineWithOutcomeAndChangedRecords()
    {
        await using var host = await ZoneServiceHost.StartAsync();
        long id = await host.AddSecondaryAsync("sec.example.", Alice);
        await using (var context = await host.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<Engine.Persistence.StoreDbContext>>().CreateDbContextAsync())
        {
            context.TransferLog.Add(new Engine.Persistence.TransferLogEntry
            {
                ZoneId = id, At = DateTimeOffset.UtcNow, Primary = "192.0.2.10:53", Kind = TransferLogKind.Ixfr, Serial = 5, Records = 4, Bytes = 200, DurationMs = 12,
                Added = 1, Removed = 1, Changes = "+ www.sec.example. 300 IN A 192.0.2.2\n- www.sec.example. 300 IN A 192.0.2.1",
            });
            context.TransferLog.Add(new Engine.Persistence.TransferLogEntry
            {
                ZoneId = id, At = DateTimeOffset.UtcNow, Primary = "192.0.2.10:53", Kind = TransferLogKind.Failed, DurationMs = 3000, Error = "timed out",
            });
            await context.SaveChangesAsync();
        }

        var html = await ComponentRenderer.RenderAsync<ZoneHistorySection>(host.Services, new Dictionary<string, object?> { ["Scope"] = Alice, ["ZoneId"] = id });

        var rows = html.QuerySelectorAll("#history tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Contains("Failed", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("timed out", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("table-warning", rows[0].ClassList);
        Assert.Contains("IXFR", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("+ www.sec.example. 300 IN A 192.0.2.2", rows[1].QuerySelector("details pre")!.TextContent, StringComparison.Ordinal);
    }
}
