using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Portal.DnsListeners;
using SecondaryPortal.Portal.Tests.Support;

namespace SecondaryPortal.Portal.Tests.Api;

/// <summary>Everything the wizard does, done through /api/v1, and one account never reaching another's zone.</summary>
public sealed class ZonesApiTests : IAsyncLifetime
{
    private readonly PortalApiFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task AuthoritativeZone_CreatedFromAZoneFile_Published_Edited_IsServedWithTheNewRecord()
    {
        using var alice = await _portal.ClientForNewAccountAsync("alice@example.com");

        using var created = await alice.PostAsJsonAsync("/api/v1/zones", new { domain = "example.com", kind = "authoritative", zoneFile = ZoneTexts.Simple("example.com.", 1, "192.0.2.10") });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        long id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/zones/{id}", created.Headers.Location!.ToString());

        var review = await alice.GetFromJsonAsync<JsonElement>($"/api/v1/zones/{id}/review");
        Assert.Equal(5, review.GetProperty("totalRecords").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await alice.PostAsync($"/api/v1/zones/{id}/publish", null)).StatusCode);

        using var added = await alice.PostAsJsonAsync($"/api/v1/zones/{id}/records", new { name = "api", ttl = 300, type = "A", data = "192.0.2.99" });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        uint serial = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("serial").GetUInt32();
        Assert.True(new SerialNumber(serial).IsNewerThan(new SerialNumber(1)));

        var dns = _portal.Services.GetRequiredService<DnsServerHostedService>().UdpEndpoints.Single();
        var answer = await WaitForAnswerAsync(dns, "api.example.com.");
        Assert.Equal(IPAddress.Parse("192.0.2.99"), Assert.IsType<AData>(Assert.Single(answer.Answers).Data).Address);
        var records = await alice.GetFromJsonAsync<JsonElement>($"/api/v1/zones/{id}/records?type=A&name=api");
        Assert.Equal(1, records.GetProperty("totalMatches").GetInt32());
        string exported = await alice.GetStringAsync($"/api/v1/zones/{id}/export");
        Assert.Contains("192.0.2.99", exported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherAccountsZone_Is404ForEveryVerb_AndStaysIntact()
    {
        using var alice = await _portal.ClientForNewAccountAsync("alice@example.com");
        using var mallory = await _portal.ClientForNewAccountAsync("mallory@example.com");
        using var created = await alice.PostAsJsonAsync("/api/v1/zones", new { domain = "example.org", kind = "authoritative", publish = true });
        long id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var attempts = new[]
        {
            await mallory.GetAsync($"/api/v1/zones/{id}"),
            await mallory.GetAsync($"/api/v1/zones/{id}/records"),
            await mallory.GetAsync($"/api/v1/zones/{id}/history"),
            await mallory.GetAsync($"/api/v1/zones/{id}/export"),
            await mallory.PostAsync($"/api/v1/zones/{id}/transfer", null),
            await mallory.PostAsJsonAsync($"/api/v1/zones/{id}/records", new { name = "evil", type = "A", data = "192.0.2.66" }),
            await mallory.DeleteAsync($"/api/v1/zones/{id}"),
        };

        Assert.All(attempts, response => Assert.Equal(HttpStatusCode.NotFound, response.StatusCode));
        Assert.All(attempts, response => Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType));
        var list = await mallory.GetFromJsonAsync<JsonElement>("/api/v1/zones");
        Assert.Equal(0, list.GetProperty("totalMatches").GetInt32());
        var still = await alice.GetFromJsonAsync<JsonElement>($"/api/v1/zones/{id}");
        Assert.Equal("example.org.", still.GetProperty("origin").GetString());
    }

    [Fact]
    public async Task CreateZone_WithAZoneFileError_Is400NamingTheLine_AndAnExistingZoneIs409()
    {
        using var alice = await _portal.ClientForNewAccountAsync("alice@example.com");
        string broken = ZoneTexts.Simple("example.net.", 1).Replace("192.0.2.1", "192.0.2.300", StringComparison.Ordinal);

        using var invalid = await alice.PostAsJsonAsync("/api/v1/zones", new { domain = "example.net", kind = "authoritative", zoneFile = broken });
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        using var first = await alice.PostAsJsonAsync("/api/v1/zones", new { domain = "example.net", kind = "authoritative" });
        using var again = await alice.PostAsJsonAsync("/api/v1/zones", new { domain = "EXAMPLE.net.", kind = "authoritative" });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.StartsWith("line ", problem.GetProperty("errors").GetProperty("zoneFile")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task SecondaryZone_WithoutAPrimary_Is400_AndTheCheckOfAClosedPortSaysConnectionRefused()
    {
        using var alice = await _portal.ClientForNewAccountAsync("alice@example.com");

        using var noPrimary = await alice.PostAsJsonAsync("/api/v1/zones", new { domain = "example.info", kind = "secondary", primaries = Array.Empty<object>() });
        using var check = await alice.PostAsJsonAsync("/api/v1/zones/check", new { domain = "example.info", primaries = new[] { new { address = "127.0.0.1", port = FreePort.Next() } } });

        Assert.Equal(HttpStatusCode.BadRequest, noPrimary.StatusCode);
        Assert.Contains("at least one primary", (await noPrimary.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var result = await check.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(result.GetProperty("canContinue").GetBoolean());
        Assert.Equal("ConnectionRefused", result.GetProperty("primaries")[0].GetProperty("outcome").GetString());
        Assert.Equal(0, (await alice.GetFromJsonAsync<JsonElement>("/api/v1/zones")).GetProperty("totalMatches").GetInt32());
    }

    [Fact]
    public async Task Keys_AGeneratedSecretIsReturnedOnce_ABadSecretIs400_AndOthersCannotSeeTheKey()
    {
        using var alice = await _portal.ClientForNewAccountAsync("alice@example.com");
        using var bob = await _portal.ClientForNewAccountAsync("bob@example.com");

        using var created = await alice.PostAsJsonAsync("/api/v1/keys", new { name = "alice-key", algorithm = "hmac-sha256" });
        using var bad = await alice.PostAsJsonAsync("/api/v1/keys", new { name = "other-key", algorithm = "hmac-sha256", secret = "not base64!" });
        using var taken = await bob.PostAsJsonAsync("/api/v1/keys", new { name = "alice-key", secret = Convert.ToBase64String(new byte[32]) });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(32, Convert.FromBase64String(body.GetProperty("generatedSecret").GetString()!).Length);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        long id = body.GetProperty("key").GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/v1/keys/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.DeleteAsync($"/api/v1/keys/{id}")).StatusCode);
        string listed = await alice.GetStringAsync("/api/v1/keys");
        Assert.DoesNotContain(body.GetProperty("generatedSecret").GetString()!, listed, StringComparison.Ordinal);
    }

    private static async Task<DnsMessage> WaitForAnswerAsync(IPEndPoint dns, string name)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var response = await DnsProbe.QueryUdpAsync(dns, name, RecordType.A);
            if (response.Rcode == DnsRcode.NoError && response.Answers.Count > 0)
                return response;
            Assert.True(DateTime.UtcNow < deadline, $"{name} not answered within 10 s (last: {response.Rcode})");
            await Task.Delay(50);
        }
    }
}
