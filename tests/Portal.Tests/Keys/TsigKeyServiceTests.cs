using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using SecondaryPortal.Portal.Services.Keys;
using SecondaryPortal.Portal.Services.Sites;
using SecondaryPortal.Portal.Tests.Sites;
using SecondaryPortal.Portal.Tests.Support;

namespace SecondaryPortal.Portal.Tests.Keys;

/// <summary>TSIG keys per account: the service the pages and the API use, and the secret check the wizard's fragment serves (the keys page: KeysPageTests).</summary>
public sealed class TsigKeyServiceTests
{
    private static readonly string Secret = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public async Task Create_ListsTheKeyForItsAccountOnly_AndANameTakenByAnotherAccountIsAlreadyUsed()
    {
        await using var portal = await RunningPortal.StartAsync();
        var keys = portal.Services.GetRequiredService<TsigKeyService>();
        var admin = await SiteAccounts.CreateAsync(portal, "admin@example.com", admin: true);
        var alice = await SiteAccounts.CreateAsync(portal, "alice@example.com");
        var bob = await SiteAccounts.CreateAsync(portal, "bob@example.com");

        var created = await keys.CreateAsync(alice, "Transfer.Example.", "hmac-sha256", Secret);
        Assert.True(created.Succeeded, created.Message);
        Assert.Equal("transfer.example.", created.Key!.Name);

        var taken = await keys.CreateAsync(bob, "transfer.example", "hmac-sha512", Convert.ToBase64String(new byte[64]));
        Assert.Equal(new TsigKeyResult(false, "The key name transfer.example. is already used; choose another name.", "Name"), taken);
        Assert.Equal(["transfer.example."], (await keys.ListAsync(alice)).Select(k => k.Name));
        Assert.Empty(await keys.ListAsync(bob));
        Assert.Single(await keys.ListAsync(admin));
        Assert.Null(await keys.GetAsync(bob, created.Key.Id));
        Assert.Null(await keys.GetKeyAsync(bob, "transfer.example."));
        Assert.Equal(32, (await keys.GetKeyAsync(alice, "transfer.example."))!.Secret.Length);
        Assert.False((await keys.DeleteAsync(bob, created.Key.Id)).Succeeded);
    }

    [Fact]
    public async Task Create_WithABadSecret_NamesTheField_AndStoresNothing()
    {
        await using var portal = await RunningPortal.StartAsync();
        var keys = portal.Services.GetRequiredService<TsigKeyService>();
        var alice = await SiteAccounts.CreateAsync(portal, "alice@example.com");

        var refused = await keys.CreateAsync(alice, "k.example.", "hmac-sha256", "AAAAAAAAAAA=");
        Assert.Equal("Secret", refused.Field);
        Assert.Contains("too short", refused.Message, StringComparison.Ordinal);
        Assert.Equal("Algorithm", (await keys.CreateAsync(alice, "k.example.", "hmac-sha3", Secret)).Field);
        Assert.Equal("Name", (await keys.CreateAsync(alice, "a..b", "hmac-sha256", Secret)).Field);
        Assert.Empty(await keys.ListAsync(alice));
    }

    [Fact]
    public async Task Delete_WhileAZoneUsesTheKey_IsRefusedWithTheZone_AndWorksOnceTheZoneIsGone()
    {
        await using var portal = await RunningPortal.StartAsync();
        var keys = portal.Services.GetRequiredService<TsigKeyService>();
        var sites = portal.Services.GetRequiredService<SiteWizardService>();
        var alice = await SiteAccounts.CreateAsync(portal, "alice@example.com");
        var key = (await keys.CreateAsync(alice, "k.example.", "hmac-sha256", Secret)).Key!;
        var draft = await sites.CreateSecondaryDraftAsync(alice, "used.example", [IPEndPoint.Parse("127.0.0.1:9")], new SiteKeyChoice(SiteKeyMode.Existing, "k.example."));
        Assert.True(draft.Succeeded, draft.Message);

        var refused = await keys.DeleteAsync(alice, key.Id);
        Assert.Equal("Key k.example. is used by used.example.; change or remove those zones' primaries first.", refused.Message);
        Assert.Equal(1, (await keys.GetAsync(alice, key.Id))!.ZoneCount);

        Assert.True((await sites.CancelAsync(alice, draft.ZoneId)).Succeeded);
        Assert.True((await keys.DeleteAsync(alice, key.Id)).Succeeded);
        Assert.Empty(await keys.ListAsync(alice));
    }

    [Fact]
    public async Task SecretFragment_ChecksTheSecretAsTyped_ForASignedInUser()
    {
        await using var portal = await RunningPortal.StartAsync();
        var (browser, _) = await SiteAccounts.SignedInCustomerAsync(portal, "alice@example.com");
        using var _browser = browser;
        var page = await browser.PageAsync("/sites/new"); // the wizard (static) still uses the fragment: its form's antiforgery token
        string token = ((IHtmlInputElement)page.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/fragments/tsig-secret")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Key.Algorithm"] = "hmac-sha256", ["Key.Secret"] = "AAAA" }),
        };
        request.Headers.Add("RequestVerificationToken", token);
        using var response = await browser.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fragment = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("too short for hmac-sha256: 3 octets", fragment.QuerySelector("#key-secret-feedback")!.TextContent, StringComparison.Ordinal);
    }
}
