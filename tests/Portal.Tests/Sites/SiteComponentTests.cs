using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Probing;
using SecondaryPortal.Portal.Components.Pages.Keys;
using SecondaryPortal.Portal.Components.Pages.Sites;
using SecondaryPortal.Portal.Services.Sites;
using SecondaryPortal.Portal.Tests.Support;

namespace SecondaryPortal.Portal.Tests.Sites;

/// <summary>The wizard's parts rendered as static rendering does in production, checked on their HTML.</summary>
public sealed class SiteComponentTests
{
    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).BuildServiceProvider();

    [Theory]
    [InlineData(SiteKeyMode.None, true, true)]
    [InlineData(SiteKeyMode.Existing, false, true)]
    [InlineData(SiteKeyMode.New, true, false)]
    public async Task KeyChoice_ShowsOnlyTheChosenOptionsFields(SiteKeyMode mode, bool existingHidden, bool newHidden)
    {
        var html = await ComponentRenderer.RenderAsync<KeyChoice>(Services, new Dictionary<string, object?>
        {
            ["State"] = new SiteWizardState { KeyMode = mode },
            ["Keys"] = new[] { new Services.Keys.TsigKeyInfo(1, "mine.", "hmac-sha256", DateTimeOffset.UnixEpoch, null, 0) },
            ["Errors"] = new Dictionary<string, string>(),
        });

        Assert.Equal(existingHidden, html.QuerySelector("#existing-key-group")!.HasAttribute("hidden"));
        Assert.Equal(newHidden, html.QuerySelector("#new-key-fields")!.HasAttribute("hidden"));
        // Hidden is not sent: a key typed in and then turned off with another option does not reach the server.
        Assert.Equal(newHidden, html.QuerySelector("#new-key-fields")!.HasAttribute("disabled"));
        Assert.Equal(existingHidden, html.QuerySelector("#existing-key")!.HasAttribute("disabled"));
    }

    [Fact]
    public async Task WizardSteps_MarksTheCurrentStep_AndNamesStepTwoSourceForAnAuthoritativeZone()
    {
        var html = await ComponentRenderer.RenderAsync<WizardSteps>(Services, new Dictionary<string, object?> { ["Current"] = 3 });
        var steps = html.QuerySelectorAll("[data-testid=wizard-steps] li");
        Assert.Equal(["1. Domain", "2. Primaries", "3. Check", "4. Transfer & review", "5. Finish"], steps.Select(s => s.TextContent.Trim()));
        Assert.Equal("step", steps[2].GetAttribute("aria-current"));
        Assert.Contains("done", steps[0].ClassName, StringComparison.Ordinal);

        html = await ComponentRenderer.RenderAsync<WizardSteps>(Services, new Dictionary<string, object?> { ["Current"] = 2, ["Kind"] = SiteKind.Authoritative });
        Assert.Equal("2. Source", html.QuerySelectorAll("li")[1].TextContent.Trim());
    }

    [Fact]
    public async Task CheckResults_ShowsEachPrimarysBadgeSerialAndMessage()
    {
        var zone = DnsName.Parse("example.com.");
        var check = new SiteCheckResult(
        [
            new PrimaryCheckResult(PrimaryCheckOutcome.Ok, zone, IPEndPoint.Parse("192.0.2.1:53"), null, 2026120401, TimeSpan.FromMilliseconds(12), "Serves it.", null),
            new PrimaryCheckResult(PrimaryCheckOutcome.BadSig, zone, IPEndPoint.Parse("192.0.2.2:53"), DnsName.Parse("k."), null, TimeSpan.FromMilliseconds(9), "The secrets differ.", "BADSIG"),
        ], "1 of 2 primaries serve example.com to us.");
        var html = await ComponentRenderer.RenderAsync<CheckResults>(Services, new Dictionary<string, object?> { ["Check"] = check });

        var rows = html.QuerySelectorAll("#check-results tbody tr");
        Assert.Equal(["OK", "BADSIG"], rows.Select(r => r.QuerySelector("[data-testid=outcome]")!.TextContent));
        Assert.Equal("2026120401", rows[0].QuerySelector("[data-testid=serial]")!.TextContent);
        Assert.Contains("The secrets differ.", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("alert-success", html.QuerySelector("#check-summary")!.ClassName, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc$", "text-danger", "The secret is not base64: '$' at position 4")]
    [InlineData("AAAAAAAAAAA=", "text-danger", "too short for hmac-sha256: 8 octets")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==", "text-success", "16 octets of valid base64, long enough for hmac-sha256.")]
    [InlineData("", "form-text", "Base64, at least 16 octets; or press Generate.")]
    public async Task SecretFeedback_ChecksTheSecretAsTyped(string secret, string css, string text)
    {
        var html = await ComponentRenderer.RenderAsync<SecretFeedback>(Services, new Dictionary<string, object?> { ["Algorithm"] = "hmac-sha256", ["Secret"] = secret });
        var feedback = html.QuerySelector("[data-testid=secret-feedback]")!;
        Assert.Contains(css, feedback.ClassName, StringComparison.Ordinal);
        Assert.Contains(text, feedback.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigSnippets_ListsTheFourServers_WithoutTheSecret()
    {
        var snippets = TransferConfigSnippets.For("example.com.", IPAddress.Loopback, IPEndPoint.Parse("127.0.0.1:5300"), "k.example.", "hmac-sha256", "THE-SECRET-ABOVE");
        var html = await ComponentRenderer.RenderAsync<ConfigSnippets>(Services, new Dictionary<string, object?> { ["Snippets"] = snippets });
        Assert.Equal(["BIND 9", "Knot DNS", "NSD", "PowerDNS"], html.QuerySelectorAll("details").Select(d => d.GetAttribute("data-server")));
        Assert.All(html.QuerySelectorAll("pre"), pre => Assert.Contains("THE-SECRET-ABOVE", pre.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TransferPanel_WhileRunning_PollsEvery500ms_AndWhenFailed_StopsAndSaysWhatToCheck()
    {
        var running = Progress(SiteTransferPhase.Transferring, []);
        var html = await ComponentRenderer.RenderAsync<TransferPanel>(Services, new Dictionary<string, object?> { ["Progress"] = running });
        var panel = html.QuerySelector("#transfer-panel")!;
        Assert.Equal("every 500ms", panel.GetAttribute("hx-trigger"));
        Assert.Equal("sites/7/transfer/progress", panel.GetAttribute("hx-get"));

        var failed = Progress(SiteTransferPhase.Failed, ["Allow zone transfers to 127.0.0.1 on the primary."]) with { LastError = "REFUSED by 192.0.2.1:53" };
        html = await ComponentRenderer.RenderAsync<TransferPanel>(Services, new Dictionary<string, object?> { ["Progress"] = failed });
        panel = html.QuerySelector("#transfer-panel")!;
        Assert.Null(panel.GetAttribute("hx-trigger"));
        Assert.Equal("REFUSED by 192.0.2.1:53", html.QuerySelector("[data-testid=transfer-error]")!.TextContent);
        Assert.Equal("Allow zone transfers to 127.0.0.1 on the primary.", html.QuerySelector("#transfer-hints li")!.TextContent);
    }

    [Fact]
    public async Task TransferPanel_WhileTransferring_ShowsTheRecordsReceivedSoFar_AndKeepsPolling()
    {
        var early = Progress(SiteTransferPhase.Transferring, []) with { RecordsReceived = 120 };
        var later = early with { RecordsReceived = 48_500 };

        var first = await ComponentRenderer.RenderAsync<TransferPanel>(Services, new Dictionary<string, object?> { ["Progress"] = early });
        var second = await ComponentRenderer.RenderAsync<TransferPanel>(Services, new Dictionary<string, object?> { ["Progress"] = later });

        Assert.Equal("120", first.QuerySelector("[data-testid=records-received]")!.TextContent);
        Assert.Equal(48_500.ToString("N0"), second.QuerySelector("[data-testid=records-received]")!.TextContent);
        Assert.Equal("every 500ms", second.QuerySelector("#transfer-panel")!.GetAttribute("hx-trigger"));
        Assert.Null(second.QuerySelector("#to-review"));
    }

    private static SiteTransferProgress Progress(SiteTransferPhase phase, IReadOnlyList<string> hints) =>
        new(7, "example.com.", ZoneKind.Secondary, true, phase, ZoneStatus.Refreshing, 0, null, null, Array.Empty<TransferLogEntry>(), hints);
}
