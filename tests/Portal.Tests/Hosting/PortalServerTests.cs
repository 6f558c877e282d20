using System.Net;
using Bunit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Portal.DnsListeners;
using SecondaryPortal.Portal.Hosting;
using SecondaryPortal.Portal.Tests.Support;
using Xunit.Abstractions;

namespace SecondaryPortal.Portal.Tests.Hosting;

/// <summary>The real server (web host, publisher, DNS listeners) in-process on free loopback ports.</summary>
public sealed class PortalServerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Server_AnswersAnImportedZoneOverUdpAndTcp_AndServesAZoneImportedWhileRunning()
    {
        using var temp = new TempDataDirectory();
        var imported = await Support.Cli.RunAsync("zone", "import", "example.com.", temp.WriteFile("a.zone", ZoneTexts.Simple("example.com.", 1, "192.0.2.10")), temp.Override);
        Assert.True(imported.ExitCode == 0, imported.ToString());

        await using var app = PortalApplication.Build(["--urls=http://127.0.0.1:0", "--Dns:Listen:0=127.0.0.1:0", temp.Override]);
        await app.StartAsync();
        try
        {
            var dns = app.Services.GetRequiredService<DnsServerHostedService>();
            var udp = Assert.Single(dns.UdpEndpoints);
            var tcp = Assert.Single(dns.TcpEndpoints);
            using var http = new HttpClient { BaseAddress = new Uri(WebAddress(app)) };
            await WaitUntilAsync(async () => (await http.GetAsync("/healthz")).IsSuccessStatusCode, TimeSpan.FromSeconds(10));

            AssertAddress("192.0.2.10", await DnsProbe.QueryUdpAsync(udp, "www.example.com.", RecordType.A));
            AssertAddress("192.0.2.10", await DnsProbe.QueryTcpAsync(tcp, "www.example.com.", RecordType.A));
            Assert.Equal(DnsRcode.Refused, (await DnsProbe.QueryUdpAsync(udp, "www.example.org.", RecordType.A)).Rcode);
            await app.Services.GetRequiredService<Engine.Analytics.QueryAggregator>().FoldAsync(); // what the aggregator does every 5 s
            await using var pages = PageContext.For(app.Services, ComponentRenderer.Admin);
            var dashboard = pages.Render<Components.Pages.Home.Dashboard>();
            dashboard.WaitForAssertion(() => Assert.NotEmpty(dashboard.FindAll("#zones tbody tr")), TimeSpan.FromSeconds(5));
            Assert.Equal(["example.com.", "1", "5"], Cells(dashboard.Find("#zones tbody tr")));
            Assert.Contains($"UDP {udp}", string.Join(' ', dashboard.Find("#dns-endpoints").TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
            var queries = dashboard.FindAll("#queries tbody tr").Select(Cells).ToList();
            Assert.Contains(["NOERROR", "2"], queries); // the UDP and TCP queries, stored, over the last 24 hours
            Assert.Contains(["REFUSED", "1"], queries); // the query for no zone of ours: an admin sees it

            // Another "process" (the verb, with its own services and connections) adds a zone while the server runs.
            var second = await Support.Cli.RunAsync("zone", "import", "example.net.", temp.WriteFile("b.zone", ZoneTexts.Simple("example.net.", 5, "192.0.2.20")), temp.Override);
            Assert.True(second.ExitCode == 0, second.ToString());
            var started = System.Diagnostics.Stopwatch.StartNew();
            await WaitUntilAsync(async () => (await DnsProbe.QueryUdpAsync(udp, "www.example.net.", RecordType.A)).Answers.Count > 0, TimeSpan.FromSeconds(3));
            output.WriteLine($"zone imported by the CLI answered after {started.ElapsedMilliseconds} ms");
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"took {started.ElapsedMilliseconds} ms");
            AssertAddress("192.0.2.20", await DnsProbe.QueryTcpAsync(tcp, "www.example.net.", RecordType.A));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task Server_AfterARestart_ServesWhatTheStoreHolds()
    {
        using var temp = new TempDataDirectory();
        await Support.Cli.RunAsync("zone", "import", "example.com.", temp.WriteFile("a.zone", ZoneTexts.Simple("example.com.", 1, "192.0.2.10")), temp.Override);
        string[] args = ["--urls=http://127.0.0.1:0", "--Dns:Listen:0=127.0.0.1:0", temp.Override];
        await using (var first = PortalApplication.Build(args))
        {
            await first.StartAsync();
            await first.StopAsync();
        }
        await Support.Cli.RunAsync("zone", "import", "example.com.", temp.WriteFile("b.zone", ZoneTexts.Simple("example.com.", 2, "192.0.2.11")), temp.Override);

        await using var second = PortalApplication.Build(args);
        await second.StartAsync();
        try
        {
            var udp = second.Services.GetRequiredService<DnsServerHostedService>().UdpEndpoints[0];
            await second.Services.GetRequiredService<Engine.Zones.ZonePublisher>().InitialLoad.WaitAsync(TimeSpan.FromSeconds(10));

            AssertAddress("192.0.2.11", await DnsProbe.QueryUdpAsync(udp, "www.example.com.", RecordType.A));
        }
        finally
        {
            await second.StopAsync();
        }
    }

    private static void AssertAddress(string expected, DnsMessage response)
    {
        Assert.Equal(DnsRcode.NoError, response.Rcode);
        var answer = Assert.Single(response.Answers);
        Assert.Equal(IPAddress.Parse(expected), Assert.IsType<AData>(answer.Data).Address);
    }

    private static string[] Cells(AngleSharp.Dom.IElement row) => row.QuerySelectorAll("th, td").Select(td => td.TextContent.Trim()).ToArray();

    private static string WebAddress(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not true within {timeout.TotalSeconds} s");
            await Task.Delay(25);
        }
    }
}
