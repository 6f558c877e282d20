using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneFiles;
using SecondaryPortal.Engine.Zones;
using SecondaryPortal.Portal.Tests.Support;

namespace SecondaryPortal.Portal.Tests.Analytics;

/// <summary>GET /api/v1/analytics: the page's filters as parameters, problem details for bad values, the caller's zones only.</summary>
public sealed class AnalyticsApiTests : IAsyncLifetime
{
    private readonly PortalApiFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Analytics_OfACustomer_CoversTheirZonesOnly_AndFiltersCombine()
    {
        using var alice = await _portal.ClientForNewAccountAsync("alice@example.com");
        using var admin = await _portal.ClientForNewAccountAsync("admin@example.com", admin: true);
        await ImportAsync("alice.example.", await UserIdAsync("alice@example.com"));
        await ImportAsync("bob.example.", "bob-id");
        await AnalyticsSeed.TwoAccountsAsync(_portal.Services);

        var mine = await alice.GetFromJsonAsync<JsonElement>("/api/v1/analytics");
        var filtered = await alice.GetFromJsonAsync<JsonElement>("/api/v1/analytics?range=6h&rcode=nxdomain&clientRegion=ap-south&type=AAAA&ipVersion=6");
        var everything = await admin.GetFromJsonAsync<JsonElement>("/api/v1/analytics?range=30m");
        var zone = await admin.GetFromJsonAsync<JsonElement>("/api/v1/analytics?zone=bob.example&transport=udp");

        Assert.Equal(115, mine.GetProperty("total").GetInt64());
        Assert.DoesNotContain("bob.example", mine.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("www.alice.example.", mine.GetProperty("topNames")[0].GetProperty("name").GetString());
        Assert.Equal("typo.alice.example.", mine.GetProperty("topNxDomainNames")[0].GetProperty("name").GetString());
        Assert.Equal(7, filtered.GetProperty("total").GetInt64());
        Assert.Equal(164, everything.GetProperty("total").GetInt64());
        Assert.Equal(60, everything.GetProperty("bucketSeconds").GetInt32());
        Assert.Equal(40, zone.GetProperty("total").GetInt64());
        Assert.Equal("bob.example.", zone.GetProperty("zone").GetString());
    }

    [Fact]
    public async Task Analytics_WithBadValues_Is400NamingEachParameter()
    {
        using var alice = await _portal.ClientForNewAccountAsync("alice@example.com");

        using var response = await alice.GetAsync("/api/v1/analytics?range=1y&rcode=MAYBE&type=LOC&transport=quic");
        using var backwards = await alice.GetAsync("/api/v1/analytics?from=2026-12-05T00:00:00Z&to=2026-12-04T00:00:00Z");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["range", "rcode", "transport", "type"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("LOC is not counted on its own; its queries are under OTHER.", errors.GetProperty("type")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal("The end must come after the start.", (await backwards.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("to")[0].GetString());
    }

    [Fact]
    public async Task Analytics_OfAnotherAccountsZone_Is404_AsIsAZoneThatDoesNotExist()
    {
        using var alice = await _portal.ClientForNewAccountAsync("alice@example.com");
        await ImportAsync("bob.example.", "bob-id");

        using var other = await alice.GetAsync("/api/v1/analytics?zone=bob.example");
        using var missing = await alice.GetAsync("/api/v1/analytics?zone=nowhere.example");

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("No zone named bob.example. is visible to this account.", (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    private async Task ImportAsync(string origin, string owner)
    {
        var name = DnsName.Parse(origin);
        var result = await _portal.Services.GetRequiredService<ZoneStore>().ImportAsync(name, ZoneFileParser.Parse(ZoneTexts.Simple(origin, 1), name),
            new ZoneImportOptions { OwnerId = owner });
        Assert.Equal(ZoneImportStatus.Imported, result.Status);
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Portal.Accounts.PortalUser>>();
        return (await users.FindByEmailAsync(email))!.Id;
    }
}
