using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SecondaryPortal.Portal.Services.Sites;
using SecondaryPortal.Portal.Tests.Support;

namespace SecondaryPortal.Portal.Tests.Sites;

/// <summary>
/// The wizard's live check is no port scanner: on a server with the default settings (no private primaries for
/// customers), a customer's loopback or private primary is refused before any packet is sent, an admin's is checked, and
/// the API answers 429 past the account's checks a minute.
/// </summary>
public sealed class PrimaryCheckGuardTests
{
    [Fact]
    public async Task ACustomerGiving10001Or127001_IsRefusedBeforeAnyPacketIsSent_AndAnAdminIsChecked()
    {
        await using var portal = await RunningPortal.StartAsync(null, "--Sites:AllowPrivatePrimaries=false");
        var admin = await SiteAccounts.CreateAsync(portal, "admin@example.com", admin: true);
        var customer = await SiteAccounts.CreateAsync(portal, "customer@example.com");
        var sites = portal.Services.GetRequiredService<SiteWizardService>();
        using var listener = new LoopbackListener();

        var privateCheck = await sites.CheckPrimariesAsync(customer, "example.org", [IPEndPoint.Parse("10.0.0.1:53")], SiteKeyChoice.None);
        var loopbackCheck = await sites.CheckPrimariesAsync(customer, "example.org", [listener.EndPoint], SiteKeyChoice.None);
        var draft = await sites.CreateSecondaryDraftAsync(customer, "example.org", [listener.EndPoint], SiteKeyChoice.None);

        Assert.Empty(privateCheck.Results);
        Assert.Equal("Primaries[0].Address", privateCheck.Field);
        Assert.Contains("10.0.0.1 is a private address (RFC 1918)", privateCheck.Message);
        Assert.Empty(loopbackCheck.Results);
        Assert.Contains("127.0.0.1 is a loopback address", loopbackCheck.Message);
        Assert.False(draft.Succeeded);
        Assert.Equal("Primaries[0].Address", draft.Field);
        Assert.False(listener.WasContacted, "a refused primary got a packet");

        var adminCheck = await sites.CheckPrimariesAsync(admin, "example.org", [listener.EndPoint], SiteKeyChoice.None);
        Assert.Single(adminCheck.Results);
        Assert.True(listener.WasContacted, "the admin's check sent nothing");
    }

    [Fact]
    public async Task TheWizard_ShowsTheRefusalBesideTheAddressField()
    {
        await using var portal = await RunningPortal.StartAsync(null, "--Sites:AllowPrivatePrimaries=false");
        var (browser, _) = await SiteAccounts.SignedInCustomerAsync(portal, "shop@example.com");
        var step1 = await browser.PageAsync("/sites/new");
        var (_, step2) = await browser.SubmitAndReadAsync(step1, "#site-wizard", new Dictionary<string, string>
        {
            ["Form.Domain"] = "shop.example", ["Form.Kind"] = "Secondary", ["Form.Action"] = "next",
        });
        var (_, refused) = await browser.SubmitAndReadAsync(step2!, "#site-wizard", new Dictionary<string, string>
        {
            ["Form.Primaries[0].Address"] = "192.168.1.53", ["Form.Primaries[0].Port"] = "53", ["Form.KeyMode"] = "None", ["Form.Action"] = "next",
        });

        Assert.Null(refused!.QuerySelector("#check-results"));
        var address = refused.QuerySelector("#primary-0-address")!;
        Assert.Contains("is-invalid", address.ClassName, StringComparison.Ordinal);
        Assert.Contains("192.168.1.53 is a private address (RFC 1918)", address.ParentElement!.QuerySelector(".invalid-feedback")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApi_AnswersTheCheckPastTheAccountsLimitWith429AndRetryAfter()
    {
        await using var api = new PortalApiFactory(new Dictionary<string, string> { ["Sites:ChecksPerMinute"] = "1" });
        using var alice = await api.ClientForNewAccountAsync("alice@example.com");
        var request = new { domain = "example.info", primaries = new[] { new { address = "127.0.0.1", port = FreePort.Next() } } };

        using var first = await alice.PostAsJsonAsync("/api/v1/zones/check", request);
        using var second = await alice.PostAsJsonAsync("/api/v1/zones/check", request);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        int retryAfter = (int)second.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.InRange(retryAfter, 1, 60);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("Too many checks", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Try again in", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApi_RefusesACustomersPrivatePrimaryAsABadRequestNamingTheField()
    {
        await using var api = new PortalApiFactory(new Dictionary<string, string> { ["Sites:AllowPrivatePrimaries"] = "false" });
        using var alice = await api.ClientForNewAccountAsync("alice@example.com");

        using var check = await alice.PostAsJsonAsync("/api/v1/zones/check", new { domain = "example.info", primaries = new[] { new { address = "10.0.0.1" } } });

        Assert.Equal(HttpStatusCode.BadRequest, check.StatusCode);
        var problem = await check.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("10.0.0.1 is a private address", problem.GetProperty("errors").GetProperty("primaries[0].Address")[0].GetString(), StringComparison.Ordinal);
    }

    /// <summary>A UDP socket and a TCP listener on one loopback port that only note whether anything arrived.</summary>
    private sealed class LoopbackListener : IDisposable
    {
        private readonly UdpClient _udp;
        private readonly TcpListener _tcp;

        public LoopbackListener()
        {
            int port = FreePort.Next();
            _udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
            _tcp = new TcpListener(IPAddress.Loopback, port);
            _tcp.Start();
            EndPoint = new IPEndPoint(IPAddress.Loopback, port);
        }

        public IPEndPoint EndPoint { get; }

        public bool WasContacted => _udp.Available > 0 || _tcp.Pending();

        public void Dispose()
        {
            _tcp.Stop();
            _udp.Dispose();
        }
    }
}
