using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Analytics;
using SecondaryPortal.Portal.Accounts;
using SecondaryPortal.Portal.Api;
using SecondaryPortal.Portal.DnsListeners;
using SecondaryPortal.Portal.Tests.Support;
using SecondaryPortal.Portal.Tests.Zones;
using SecondaryPortal.Testing;

namespace SecondaryPortal.Portal.Tests.Analytics;

/// <summary>
/// A known mix of queries sent to a running node with dig, kdig and dnsperf, then found exactly in what /api/v1/analytics
/// returns from the stored counts, by type, response code, transport, IP version and region.
/// </summary>
public sealed partial class QueryCountingTests
{
    private const string Zone = "count.example.";

    [Fact]
    public async Task KnownTraffic_FromDigKdigAndDnsperf_IsStoredExactly()
    {
        await using var portal = await RunningPortal.StartAsync(null,
            "--Dns:Region=test-node",
            "--Analytics:ClientRegions:0:Network=127.0.0.0/8", "--Analytics:ClientRegions:0:Region=loopback",
            "--Analytics:ClientRegions:1:Network=198.51.100.0/24", "--Analytics:ClientRegions:1:Region=eu-west",
            "--Analytics:FlushInterval=01:00:00"); // the test folds when it wants
        string owner = await PortalSession.CreateAccountAsync(portal, "admin@example.com", admin: true);
        await PortalSession.ImportAsync(portal, Zone, owner);
        var udp = Assert.Single(portal.Services.GetRequiredService<DnsServerHostedService>().UdpEndpoints);
        await ZoneServedAsync(udp);
        var token = await portal.Services.GetRequiredService<ApiTokenService>().CreateAsync(owner, "counting");
        using var api = new HttpClient { BaseAddress = portal.Address };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        var aggregator = portal.Services.GetRequiredService<QueryAggregator>();
        await aggregator.FoldAsync();
        var before = await ReportAsync(api);

        for (int i = 0; i < 3; i++)
            await DigAsync(udp, "www." + Zone, "A");
        for (int i = 0; i < 2; i++)
            await DigAsync(udp, "nope." + Zone, "AAAA");
        await DigAsync(udp, Zone, "MX", "+tcp");
        for (int i = 0; i < 2; i++)
            await KdigAsync(udp, "www." + Zone, "TXT", "+subnet=198.51.100.7/24");
        await KdigAsync(udp, "elsewhere.test.", "A");
        int completed = await DnsperfAsync(udp, runs: 10, "www." + Zone + " A", "mixed." + Zone + " TXT");
        await aggregator.FoldAsync();
        var after = await ReportAsync(api);

        Assert.Equal(20, completed);
        Assert.Equal(3 + 2 + 1 + 2 + 1 + 20, after.Total - before.Total);
        Assert.Equal(new Dictionary<string, long> { ["A"] = 3 + 1 + 10, ["AAAA"] = 2, ["MX"] = 1, ["TXT"] = 2 + 10 }, Grown(before.ByType, after.ByType));
        Assert.Equal(new Dictionary<string, long> { ["NOERROR"] = 3 + 1 + 2 + 20, ["NXDOMAIN"] = 2, ["REFUSED"] = 1 }, Grown(before.ByRcode, after.ByRcode));
        Assert.Equal(new Dictionary<string, long> { ["UDP"] = 28, ["TCP"] = 1 }, Grown(before.ByTransport, after.ByTransport));
        Assert.Equal(new Dictionary<string, long> { ["loopback"] = 27, ["eu-west"] = 2 }, Grown(before.ByClientRegion, after.ByClientRegion));
        Assert.Equal(new Dictionary<string, long> { ["test-node"] = 29 }, Grown(before.ByNodeRegion, after.ByNodeRegion));
        Assert.Equal(new Dictionary<string, long> { ["IPv4"] = 29 }, Grown(before.ByIpVersion, after.ByIpVersion));
        Assert.Contains(after.TopNames, top => top.Name == "www." + Zone && top.Count >= 3 + 2 + 10);
        Assert.Contains(after.TopNxDomainNames, top => top.Name == "nope." + Zone && top.Count == 2);
    }

    private static async Task<AnalyticsApi.AnalyticsResponse> ReportAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<AnalyticsApi.AnalyticsResponse>("/api/v1/analytics?range=30m", new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;

    /// <summary>What grew between two breakdowns, keys that did not grow left out.</summary>
    private static Dictionary<string, long> Grown(IReadOnlyList<Breakdown> before, IReadOnlyList<Breakdown> after) =>
        after.Select(b => (b.Key, Count: b.Count - (before.FirstOrDefault(o => o.Key == b.Key)?.Count ?? 0)))
            .Where(b => b.Count != 0).ToDictionary(b => b.Key, b => b.Count);

    private static async Task ZoneServedAsync(System.Net.IPEndPoint udp)
    {
        for (int attempt = 0; attempt < 200; attempt++)
        {
            if ((await DnsProbe.QueryUdpAsync(udp, Zone, RecordType.SOA)).Answers.Count > 0)
                return;
            await Task.Delay(50);
        }
        Assert.Fail($"{Zone} was not served");
    }

    private static async Task DigAsync(System.Net.IPEndPoint server, string name, string type, params string[] options)
    {
        var result = await ExternalTool.RunAsync("dig", null, null, ["@" + server.Address, "-p", server.Port.ToString(), "+tries=1", "+time=5", .. options, name, type]);
        Assert.True(result.ExitCode == 0 && result.Output.Contains("status:", StringComparison.Ordinal), result.AllOutput);
    }

    private static async Task KdigAsync(System.Net.IPEndPoint server, string name, string type, params string[] options)
    {
        var result = await ExternalTool.RunAsync("kdig", null, null, ["@" + server.Address, "-p", server.Port.ToString(), "+retry=0", "+time=5", .. options, name, type]);
        Assert.True(result.Output.Contains("status:", StringComparison.Ordinal), result.AllOutput);
    }

    /// <summary>Runs dnsperf over <paramref name="lines"/> <paramref name="runs"/> times, one query outstanding; returns the queries it saw answered.</summary>
    private static async Task<int> DnsperfAsync(System.Net.IPEndPoint server, int runs, params string[] lines)
    {
        string data = Path.GetTempFileName();
        try
        {
            await File.WriteAllLinesAsync(data, lines);
            var result = await ExternalTool.RunAsync("dnsperf", null, null,
                "-s", server.Address.ToString(), "-p", server.Port.ToString(), "-d", data, "-n", runs.ToString(), "-c", "1", "-q", "1", "-t", "5");
            var completed = CompletedLine().Match(result.Output);
            Assert.True(result.ExitCode == 0 && completed.Success, result.AllOutput);
            return int.Parse(completed.Groups[1].Value);
        }
        finally
        {
            File.Delete(data);
        }
    }

    [GeneratedRegex(@"Queries completed:\s+(\d+)")]
    private static partial Regex CompletedLine();
}
