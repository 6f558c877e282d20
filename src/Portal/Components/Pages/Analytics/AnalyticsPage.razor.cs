using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using SecondaryPortal.Engine.Analytics;
using SecondaryPortal.Portal.Accounts;
using SecondaryPortal.Portal.Services.Analytics;
using SecondaryPortal.Portal.Services.Zones;

namespace SecondaryPortal.Portal.Components.Pages.Analytics;

/// <summary>
/// /analytics (the account's zones; an admin's spans every account and the queries for no zone) and
/// /zones/{id}/analytics (one zone): the range picker and filters, queries over time by response code with transfers
/// marked, breakdowns, top names; a table of numbers beside each chart, each downloadable as CSV.
/// </summary>
public sealed partial class AnalyticsPage
{
    /// <summary>The record types always offered in the filter, in this order (others seen in the range follow).</summary>
    private static readonly string[] CommonTypes = ["A", "AAAA", "CNAME", "MX", "TXT", "NS", "SOA", "SRV", "HTTPS", "CAA", "PTR", "DS", "DNSKEY", "ANY", "OTHER"];

    private static readonly string[] CommonRcodes = ["NOERROR", "NXDOMAIN", "SERVFAIL", "REFUSED"];

    private AnalyticsView? view;
    private ZoneListRow? zone;
    private bool isAdmin;
    private string action = "analytics", rangeText = "", digServer = "127.0.0.1", digName = "www.example.com.";
    private int digPort = 53;
    private IReadOnlyList<TransferMark> marks = [];
    private IReadOnlyList<string> typeOptions = [], rcodeOptions = [], clientRegions = [], nodeRegions = [];

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The zone's id on /zones/{id}/analytics.</summary>
    [Parameter] public long? ZoneId { get; set; }

    /// <summary>30m, 6h, 24h, 7d, 30d or custom.</summary>
    [SupplyParameterFromQuery(Name = "range")] public string? RangeKey { get; set; }

    /// <summary>Start of a custom range (UTC).</summary>
    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }

    /// <summary>End of a custom range (UTC).</summary>
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }

    /// <summary>One zone by name, on /analytics.</summary>
    [SupplyParameterFromQuery(Name = "zone")] public string? ZoneName { get; set; }

    /// <summary>Record type filter.</summary>
    [SupplyParameterFromQuery(Name = "type")] public string? Type { get; set; }

    /// <summary>Response code filter.</summary>
    [SupplyParameterFromQuery(Name = "rcode")] public string? Rcode { get; set; }

    /// <summary>Transport filter.</summary>
    [SupplyParameterFromQuery(Name = "transport")] public string? Transport { get; set; }

    /// <summary>IP version filter.</summary>
    [SupplyParameterFromQuery(Name = "ipVersion")] public string? IpVersion { get; set; }

    /// <summary>Client region filter.</summary>
    [SupplyParameterFromQuery(Name = "clientRegion")] public string? ClientRegion { get; set; }

    /// <summary>Node region filter.</summary>
    [SupplyParameterFromQuery(Name = "nodeRegion")] public string? NodeRegion { get; set; }

    private AnalyticsQuery Query => new()
    {
        Range = RangeKey, From = From, To = To, Zone = ZoneId is null ? ZoneName : null, Type = Type, Rcode = Rcode, Transport = Transport,
        IpVersion = IpVersion, ClientRegion = ClientRegion, NodeRegion = NodeRegion,
    };

    private bool HasFilters => new[] { Type, Rcode, Transport, IpVersion, ClientRegion, NodeRegion }.Any(v => !string.IsNullOrWhiteSpace(v));

    private string UnfilteredHref => action + "?" + new AnalyticsQuery { Range = RangeKey, From = From, To = To, Zone = Query.Zone }.ToQueryString();

    /// <inheritdoc/>
    protected override async Task OnParametersSetAsync()
    {
        var scope = AccountScope.Of((await AuthenticationState).User)!;
        isAdmin = scope.IsAdmin;
        var query = Query;
        if (ZoneId is { } id)
        {
            zone = await Zones.GetRowAsync(scope, id);
            if (zone is null)
            {
                Navigation.NotFound();
                return;
            }
            action = $"zones/{id}/analytics";
            query = query with { Zone = zone.Origin };
        }
        view = await Analytics.ReportAsync(scope, query);
        if (view.Status == AnalyticsViewStatus.ZoneNotFound)
        {
            view = null;
            Navigation.NotFound();
            return;
        }
        await DescribeAsync(scope, view);
    }

    private async Task DescribeAsync(AccountScope scope, AnalyticsView shown)
    {
        var report = shown.Report;
        rangeText = AnalyticsRange.Presets.FirstOrDefault(p => p.Key == shown.Range) is { Key: not null } preset
            ? preset.Label.ToLowerInvariant()
            : report is null ? "custom range" : $"{AnalyticsFormat.Time(report.Filter.From)} to {AnalyticsFormat.Time(report.Filter.To)} UTC";
        typeOptions = Union(CommonTypes, report?.ByType);
        rcodeOptions = Union(CommonRcodes, report?.ByRcode);
        clientRegions = Union([], report?.ByClientRegion);
        nodeRegions = Union([], report?.ByNodeRegion);
        // The zone view marks every transfer; across zones, only a few stay readable.
        marks = report is null ? [] : zone is not null || shown.Zone is not null || report.Transfers.Count <= AnalyticsChartData.MaxMarksAcrossZones ? report.Transfers : [];
        if (report is { Total: 0 })
            await DigHintAsync(scope, shown);
    }

    private async Task DigHintAsync(AccountScope scope, AnalyticsView shown)
    {
        if (Dns.UdpEndpoints.FirstOrDefault() is { } endpoint)
        {
            digServer = endpoint.Address.Equals(System.Net.IPAddress.Any) || endpoint.Address.Equals(System.Net.IPAddress.IPv6Any) ? "127.0.0.1" : endpoint.Address.ToString();
            digPort = endpoint.Port;
        }
        string? origin = shown.Zone ?? (await Zones.ListAsync(scope, new ZoneListQuery(PageSize: 1))).Rows.FirstOrDefault()?.Origin;
        if (origin is not null)
            digName = "www." + origin;
    }

    private string Csv(string table) =>
        (ZoneId is { } id ? $"zones/{id}/analytics.csv?" : "analytics.csv?") + Query.ToQueryString(("table", table));

    private static IReadOnlyList<string> Union(IEnumerable<string> common, IReadOnlyList<Breakdown>? seen) =>
        common.Concat((seen ?? []).Select(b => b.Key).Order(StringComparer.Ordinal)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
