using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SecondaryPortal.Portal.Accounts;

namespace SecondaryPortal.Portal.Tests.Support;

/// <summary>
/// The portal under WebApplicationFactory (in-memory HTTP), with its own data directory and DNS on a free loopback port,
/// and helpers to make accounts and clients that carry their API tokens.
/// </summary>
/// <param name="settings">
/// Configuration overrides. Customers may give loopback primaries (<c>Sites:AllowPrivatePrimaries</c> true, since the tests'
/// primaries run on 127.0.0.1) unless a setting says otherwise.
/// </param>
public sealed class PortalApiFactory(IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    private readonly TempDataDirectory _data = new();

    public TempDataDirectory Data => _data;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:DataDirectory", _data.Data);
        builder.UseSetting("Dns:Listen:0", "127.0.0.1:0");
        builder.UseSetting("Sites:AllowPrivatePrimaries", "true");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(key, value);
    }

    /// <summary>Creates an account and returns a client authenticated with a new API token of it.</summary>
    public async Task<HttpClient> ClientForNewAccountAsync(string email, bool admin = false)
    {
        _ = Server; // starts the host (and migrates the store) if it has not started yet
        string userId;
        using (var scope = Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, "Api-password-1", admin);
            Assert.True(created.Succeeded, created.Message);
            userId = created.UserId!;
        }
        var token = await Services.GetRequiredService<ApiTokenService>().CreateAsync(userId, "tests");
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _data.Dispose();
    }
}
