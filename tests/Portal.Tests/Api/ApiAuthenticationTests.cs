using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SecondaryPortal.Portal.Tests.Support;

namespace SecondaryPortal.Portal.Tests.Api;

/// <summary>The API's token authentication, problem details and OpenAPI document.</summary>
public sealed class ApiAuthenticationTests : IAsyncLifetime
{
    private readonly PortalApiFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Me_WithTheAccountsToken_NamesTheAccount()
    {
        using var client = await _portal.ClientForNewAccountAsync("alice@example.com");

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.Equal("alice@example.com", me.GetProperty("email").GetString());
        Assert.False(me.GetProperty("isAdmin").GetBoolean());
        var dns = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Portal.DnsListeners.DnsServerHostedService>(_portal.Services);
        Assert.NotEqual(5300, dns.UdpEndpoints.Single().Port); // the factory's free port, not the default configuration's
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sp_not-a-real-token")]
    [InlineData("not even the right shape")]
    public async Task AnyEndpoint_WithoutAValidToken_Is401ProblemDetails(string? token)
    {
        using var client = _portal.CreateClient();
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task ASignedInBrowserCookie_IsNotEnoughForTheApi()
    {
        // The API takes tokens only, so a page on another site cannot make a signed-in browser call it (no CSRF).
        using var client = _portal.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", "sp.auth=forged");

        using var response = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UnknownApiPath_Is404ProblemDetails_NotTheHtmlPage()
    {
        using var client = await _portal.ClientForNewAccountAsync("bob@example.com");

        using var response = await client.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApi_WithBearerSecurity_AndNoPages()
    {
        using var client = _portal.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/api/v1/openapi.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/me", paths);
        Assert.Contains("/api/v1/analytics", paths);
        Assert.All(paths, path => Assert.StartsWith("/api/v1/", path, StringComparison.Ordinal));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiToken").GetProperty("scheme").GetString());
    }
}
