using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Tests.Support;
using SecondaryPortal.Engine.Tests.Support.Peers;
using SecondaryPortal.Engine.Zones;
using SecondaryPortal.Portal.DnsListeners;
using SecondaryPortal.Portal.Tests.Support;

namespace SecondaryPortal.Portal.Tests.Sites;

/// <summary>
/// The Add Site wizard through its pages, as a browser without JavaScript uses it, against a real BIND 9 primary that
/// allows transfers only with a TSIG key.
/// </summary>
public sealed class SiteWizardFlowTests
{
    private const string Zone = "shop.example";
    private static readonly InteropKey Key = new("wizard-key.", "hmac-sha256", "c2VjcmV0IG9mIHRoZSB3aXphcmQgZmxvdyB0ZXN0cw==");
    private const string ZoneText = """
        $TTL 300
        @ IN SOA ns1.shop.example. hostmaster.shop.example. 2026120401 3600 900 1209600 300
        @ IN NS ns1.shop.example.
        ns1 IN A 192.0.2.53
        www IN A 192.0.2.10
        mail IN A 192.0.2.25
        @ IN MX 10 mail
        """;

    [Fact]
    public async Task SecondaryWizard_WithATsigKey_ChecksTransfersReviewsAndFinishes_AndTheZoneIsServed()
    {
        await using var portal = await RunningPortal.StartAsync();
        await using var bind = await BindPrimary.StartAsync(Zone, ZoneText, FreePort.Next(), Key);
        var (browser, _) = await SiteAccounts.SignedInCustomerAsync(portal, "customer@example.com");
        using var _browser = browser;

        var step3 = await ToCheckAsync(browser, bind, Key.SecretBase64);
        var row = step3.QuerySelector("#check-results tbody tr")!;
        Assert.Equal("OK", row.QuerySelector("[data-testid=outcome]")!.TextContent);
        Assert.Equal("2026120401", row.QuerySelector("[data-testid=serial]")!.TextContent);
        Assert.False(step3.QuerySelector("#start-transfer")!.HasAttribute("disabled"));
        Assert.DoesNotContain(Key.SecretBase64, step3.DocumentElement.OuterHtml, StringComparison.Ordinal);

        using var started = await browser.SubmitAsync(step3, "#site-wizard", Action("create"));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        long id = IdFrom(started.Headers.Location!, "transfer");

        var transfer = await browser.PageAsync($"/sites/{id}/transfer");
        Assert.NotNull(transfer.QuerySelector("#transfer-panel"));
        var panel = await UntilAsync(() => browser.PageAsync($"/sites/{id}/transfer/progress"), p => p.QuerySelector("#transfer-panel")!.GetAttribute("data-phase") == "Transferred");
        Assert.Equal("6", panel.QuerySelector("[data-testid=records-received]")!.TextContent);

        var review = await browser.PageAsync($"/sites/{id}/review");
        Assert.Contains("www.shop.example.", review.QuerySelector("#records")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["A 3", "NS 1", "SOA 1", "MX 1"], review.QuerySelectorAll("#type-counts a").Select(a => string.Join(' ', a.TextContent.Split(' ', StringSplitOptions.RemoveEmptyEntries))));
        Assert.Null(review.QuerySelector("#review-warnings"));
        var filtered = await browser.PageAsync($"/sites/{id}/review?name=mail&type=A");
        Assert.Equal(["mail.shop.example."], filtered.QuerySelectorAll("#records tbody tr code").Select(c => c.TextContent));

        using var finished = await browser.SubmitAsync(review, "#finish-site", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, finished.StatusCode);
        Assert.EndsWith($"zones/{id}", finished.Headers.Location!.ToString(), StringComparison.Ordinal);

        var dns = portal.Services.GetRequiredService<DnsServerHostedService>().UdpEndpoints[0];
        var answer = await UntilAsync(() => DnsProbe.QueryUdpAsync(dns, "www.shop.example.", RecordType.A), a => a.Rcode == DnsRcode.NoError && a.Answers.Count > 0);
        Assert.Equal("192.0.2.10", answer.Answers[0].Data.ToString());
    }

    [Fact]
    public async Task SecondaryWizard_WithAWrongSecret_ShowsBadsig_AndStoresNothing()
    {
        await using var portal = await RunningPortal.StartAsync();
        await using var bind = await BindPrimary.StartAsync(Zone, ZoneText, FreePort.Next(), Key);
        var (browser, _) = await SiteAccounts.SignedInCustomerAsync(portal, "customer@example.com");
        using var _browser = browser;

        var step3 = await ToCheckAsync(browser, bind, Convert.ToBase64String(new byte[32]));
        Assert.Equal("BADSIG", step3.QuerySelector("#check-results [data-testid=outcome]")!.TextContent);
        Assert.True(step3.QuerySelector("#start-transfer")!.HasAttribute("disabled"));

        // Posting Continue anyway (no browser would) is refused too.
        var (_, refused) = await browser.SubmitAndReadAsync(step3, "#site-wizard", Action("create"));
        Assert.Equal("Continue once at least one primary answers with the zone's serial.", refused!.QuerySelector("[data-testid=form-message]")!.TextContent);

        var contexts = portal.Services.GetRequiredService<IDbContextFactory<StoreDbContext>>();
        await using var context = await contexts.CreateDbContextAsync();
        Assert.Equal(0, await context.Zones.CountAsync());
        Assert.Equal(0, await context.TsigKeys.CountAsync());
    }

    [Fact]
    public async Task AuthoritativeWizard_FromAPastedZoneFileWithAnError_ShowsTheLineNumber_ThenTheFixedFileGoesToReview()
    {
        await using var portal = await RunningPortal.StartAsync();
        var (browser, _) = await SiteAccounts.SignedInCustomerAsync(portal, "customer@example.com");
        using var _browser = browser;
        var step1 = await browser.PageAsync("/sites/new");
        var (_, step2) = await browser.SubmitAndReadAsync(step1, "#site-wizard", new Dictionary<string, string>
        {
            ["Form.Domain"] = "bücher.example", ["Form.Kind"] = "Authoritative", ["Form.Action"] = "next",
        });
        Assert.Equal("Add site: bücher.example", step2!.QuerySelector("h1")!.TextContent);
        Assert.Equal("2. Source", step2.QuerySelectorAll("[data-testid=wizard-steps] li")[1].TextContent.Trim());

        string bad = "$TTL 300\n@ SOA ns1 hostmaster 1 3600 900 1209600 300\n@ NS ns1\nns1 A 192.0.2.300\nwww A 192.0.2.10\n";
        var (_, refused) = await browser.SubmitAndReadAsync(step2, "#site-wizard", new Dictionary<string, string>
        {
            ["Form.Source"] = "file", ["Form.ZoneText"] = bad, ["Form.Action"] = "create",
        });
        var error = Assert.Single(refused!.QuerySelectorAll("#zone-file-errors li"));
        Assert.StartsWith("line 4: ", error.TextContent, StringComparison.Ordinal);
        Assert.Equal(bad.ReplaceLineEndings("\n"), ((IHtmlTextAreaElement)refused.QuerySelector("#zone-text")!).Value.ReplaceLineEndings("\n"));

        using var created = await browser.SubmitAsync(refused, "#site-wizard", new Dictionary<string, string>
        {
            ["Form.Source"] = "file", ["Form.ZoneText"] = bad.Replace("192.0.2.300", "192.0.2.30", StringComparison.Ordinal), ["Form.Action"] = "create",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        long id = IdFrom(created.Headers.Location!, "review");
        var review = await browser.PageAsync($"/sites/{id}/review");
        Assert.Contains("www.xn--bcher-kva.example.", review.QuerySelector("#records")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherAccountsDraft_Is404_OnEveryWizardPage_AndCannotBeCancelled()
    {
        await using var portal = await RunningPortal.StartAsync();
        var (owner, ownerScope) = await SiteAccounts.SignedInCustomerAsync(portal, "owner@example.com");
        using var _owner = owner;
        var (other, otherScope) = await SiteAccounts.SignedInCustomerAsync(portal, "other@example.com");
        using var _other = other;
        var sites = portal.Services.GetRequiredService<Portal.Services.Sites.SiteWizardService>();
        var draft = await sites.CreateEmptyDraftAsync(ownerScope, "private.example");
        Assert.True(draft.Succeeded, draft.Message);

        foreach (string path in new[] { $"/sites/{draft.ZoneId}/review", $"/sites/{draft.ZoneId}/transfer", $"/sites/{draft.ZoneId}/transfer/progress" })
        {
            using var response = await other.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.False((await sites.CancelAsync(otherScope, draft.ZoneId)).Succeeded);
        var domain = await sites.CheckDomainAsync(otherScope, "private.example");
        Assert.Equal("private.example is already present on this service, so it cannot be added again.", domain.Message);

        using var own = await owner.GetAsync($"/sites/{draft.ZoneId}/review");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task PrimariesStep_WithoutAPrimary_CannotGoOn_AndRowsAreAddedAndRemovedWithoutJavaScript()
    {
        await using var portal = await RunningPortal.StartAsync();
        var (browser, _) = await SiteAccounts.SignedInCustomerAsync(portal, "customer@example.com");
        using var _browser = browser;
        var step1 = await browser.PageAsync("/sites/new");
        var (_, step2) = await browser.SubmitAndReadAsync(step1, "#site-wizard", new Dictionary<string, string> { ["Form.Domain"] = "shop.example", ["Form.Action"] = "next" });

        var (_, empty) = await browser.SubmitAndReadAsync(step2!, "#site-wizard", Action("next"));
        Assert.Equal("Add at least one primary: enter its IPv4 or IPv6 address. The wizard cannot go on without one.",
            empty!.QuerySelector("[data-testid=primaries-error]")!.TextContent);
        Assert.Equal("2. Primaries", empty.QuerySelector("[aria-current=step]")!.TextContent.Trim());

        var (_, two) = await browser.SubmitAndReadAsync(empty, "#site-wizard", new Dictionary<string, string>
        {
            ["Form.Primaries[0].Address"] = "192.0.2.1", ["Form.Action"] = "add-primary",
        });
        Assert.Equal(2, two!.QuerySelectorAll(".primary-row").Length);
        var (_, bad) = await browser.SubmitAndReadAsync(two, "#site-wizard", new Dictionary<string, string>
        {
            ["Form.Primaries[1].Address"] = "ns1.example.com", ["Form.Primaries[1].Port"] = "70000", ["Form.Action"] = "next",
        });
        Assert.Contains("enter an address, not a host name", bad!.QuerySelector("#primary-1-address + .invalid-feedback")!.TextContent, StringComparison.Ordinal);
        var (_, one) = await browser.SubmitAndReadAsync(bad, "#site-wizard", Action("remove-primary-1"));
        Assert.Equal(["192.0.2.1"], one!.QuerySelectorAll(".primary-row input[id$=address]").Select(i => ((IHtmlInputElement)i).Value));

        var (_, generated) = await browser.SubmitAndReadAsync(one, "#site-wizard", new Dictionary<string, string> { ["Form.KeyMode"] = "New", ["Form.Action"] = "generate" });
        string secret = ((IHtmlInputElement)generated!.QuerySelector("#new-key-secret")!).Value;
        Assert.Equal(32, Convert.FromBase64String(secret).Length);
        Assert.Equal("transfer.shop.example.", ((IHtmlInputElement)generated.QuerySelector("#new-key-name")!).Value);
        Assert.Single(generated.DocumentElement.OuterHtml.Split(secret)[1..]); // only in its own input
    }

    private static async Task<IHtmlDocument> ToCheckAsync(PortalClient browser, BindPrimary bind, string secret)
    {
        var step1 = await browser.PageAsync("/sites/new");
        var (_, step2) = await browser.SubmitAndReadAsync(step1, "#site-wizard", new Dictionary<string, string>
        {
            ["Form.Domain"] = Zone, ["Form.Kind"] = "Secondary", ["Form.Action"] = "next",
        });
        Assert.NotNull(step2!.QuerySelector("#primaries"));
        var (_, step3) = await browser.SubmitAndReadAsync(step2, "#site-wizard", new Dictionary<string, string>
        {
            ["Form.Primaries[0].Address"] = "127.0.0.1", ["Form.Primaries[0].Port"] = bind.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.KeyMode"] = "New", ["Form.NewKeyName"] = Key.Name, ["Form.NewKeyAlgorithm"] = Key.Algorithm, ["Form.NewKeySecret"] = secret,
            ["Form.Action"] = "next",
        });
        Assert.NotNull(step3!.QuerySelector("#check-results"));
        return step3;
    }

    private static Dictionary<string, string> Action(string action) => new() { ["Form.Action"] = action };

    private static long IdFrom(Uri location, string page)
    {
        string[] parts = location.ToString().TrimEnd('/').Split('/');
        Assert.Equal(page, parts[^1]);
        return long.Parse(parts[^2], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Asks again until <paramref name="done"/> holds (the transfer and the publisher work on their own schedule); gives up after a minute.</summary>
    internal static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        for (int attempt = 0; ; attempt++)
        {
            var value = await read();
            if (done(value) || attempt >= 600)
                return value;
            await Task.Delay(100);
        }
    }
}
