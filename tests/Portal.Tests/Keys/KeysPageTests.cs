using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SecondaryPortal.Portal.Services.Keys;
using SecondaryPortal.Portal.Tests.Support;
using KeysPage = SecondaryPortal.Portal.Components.Pages.Keys.Keys;

using static SecondaryPortal.Portal.Tests.Support.InteractivePageHost;

namespace SecondaryPortal.Portal.Tests.Keys;

/// <summary>The interactive TSIG keys page in bUnit, on the real server's services.</summary>
public sealed class KeysPageTests : IAsyncLifetime
{
    private static readonly string Secret = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private InteractivePageHost _host = default!;

    public async Task InitializeAsync() => _host = await InteractivePageHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Keys_WithNone_ShowsTheEmptyState_AndTheFormWithLabels()
    {
        var (context, _) = _host.Context();

        var page = context.Render<KeysPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#no-keys")), Wait);
        Assert.Empty(page.FindAll("#keys"));
        foreach (string id in new[] { "key-name", "key-secret" })
            Assert.NotNull(page.Find($"label[for={id}]"));
        Assert.Contains("at least 16 octets", page.Find("#create-key").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_OfTheAccount_AreListedByName_WithTheirZoneCount_AndNotAnotherAccounts()
    {
        var keys = _host.Services.GetRequiredService<TsigKeyService>();
        await keys.CreateAsync(_host.Customer, "b.example.", "hmac-sha512", Convert.ToBase64String(new byte[64]));
        await keys.CreateAsync(_host.Customer, "a.example.", "hmac-sha256", Secret);
        await keys.CreateAsync(new Portal.Accounts.AccountScope("someone-else", false), "theirs.example.", "hmac-sha256", Secret);
        var (context, _) = _host.Context();

        var page = context.Render<KeysPage>();

        page.WaitForAssertion(() => Assert.Equal(["a.example.", "b.example."], Names(page)), Wait);
        Assert.Contains("hmac-sha512", page.Find("#keys").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("theirs.example", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_IsCheckedAsTyped_AndARefusedCreateShowsTheMessageBesideItsField()
    {
        var (context, _) = _host.Context();
        var page = context.Render<KeysPage>();

        page.Find("#key-secret").Input("abc$");
        page.WaitForAssertion(() => Assert.Contains("'$' at position 4", page.Find("#create-key").TextContent, StringComparison.Ordinal), Wait);
        page.Find("#key-name").Input("a..b");
        page.Find("#create-key-button").Click();

        page.WaitForAssertion(() => Assert.NotEmpty(FieldError(page, "key-name")), Wait);
        Assert.Contains("'$' at position 4", FieldError(page, "key-secret"), StringComparison.Ordinal);
        Assert.Empty(await _host.Services.GetRequiredService<TsigKeyService>().ListAsync(_host.Customer));
    }

    [Fact]
    public void Generate_FillsAValidSecret_AndCreate_ListsTheKey_WithASnackbar_AndNeverShowsTheSecretAgain()
    {
        var (context, _) = _host.Context();
        var page = context.Render<KeysPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#no-keys")), Wait);

        page.Find("#generate-secret").Click();
        page.WaitForAssertion(() => Assert.Contains("32 octets of valid base64, long enough for hmac-sha256.", page.Find("#create-key").TextContent, StringComparison.Ordinal), Wait);
        string secret = page.Find("#key-secret").GetAttribute("value")!;
        Assert.Equal(32, Convert.FromBase64String(secret).Length);
        page.Find("#key-name").Input("page.example");
        page.Find("#create-key-button").Click();

        page.WaitForAssertion(() => Assert.Equal(["page.example."], Names(page)), Wait);
        Assert.Contains(Snackbars(context), m => m.StartsWith("Key page.example. (hmac-sha256) stored.", StringComparison.Ordinal));
        Assert.DoesNotContain(secret, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_AsksFirst_CancelKeepsTheKey_ConfirmDeletesIt()
    {
        await _host.Services.GetRequiredService<TsigKeyService>().CreateAsync(_host.Customer, "gone.example.", "hmac-sha256", Secret);
        var (context, dialogs) = _host.Context();
        var page = context.Render<KeysPage>();
        page.WaitForAssertion(() => Assert.Equal(["gone.example."], Names(page)), Wait);

        page.Find("button[aria-label='Delete key gone.example.']").Click();
        var dialog = Answer(dialogs, "Cancel");
        Assert.Contains("Delete key gone.example.?", dialog, StringComparison.Ordinal);
        Assert.Single(await _host.Services.GetRequiredService<TsigKeyService>().ListAsync(_host.Customer));

        page.Find("button[aria-label='Delete key gone.example.']").Click();
        Answer(dialogs, "Delete");

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#no-keys")), Wait);
        Assert.Contains("Key gone.example. deleted.", Snackbars(context));
    }

    /// <summary>The error text shown under the field whose input is <paramref name="inputId"/> (empty when none).</summary>
    internal static string FieldError(IRenderedComponent<KeysPage> page, string inputId) =>
        page.FindAll(".mud-input-control").Last(control => control.QuerySelector($"#{inputId}") is not null)
            .QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() ?? "";

    private static List<string> Names(IRenderedComponent<KeysPage> page) =>
        page.FindAll("td[data-key]").Select(cell => cell.GetAttribute("data-key")!).ToList();
}
