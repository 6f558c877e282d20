using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SecondaryPortal.Portal.Components.Pages.Primaries;
using SecondaryPortal.Portal.Services.Keys;
using SecondaryPortal.Portal.Services.Primaries;
using SecondaryPortal.Portal.Tests.Support;

using static SecondaryPortal.Portal.Tests.Support.InteractivePageHost;

namespace SecondaryPortal.Portal.Tests.Primaries;

/// <summary>The interactive saved primaries pages (list with the add form, and one primary's edit page) in bUnit, on the real server's services.</summary>
public sealed class PrimaryPagesTests : IAsyncLifetime
{
    private InteractivePageHost _host = default!;

    public async Task InitializeAsync() => _host = await InteractivePageHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private PrimaryDirectory Directory => _host.Services.GetRequiredService<PrimaryDirectory>();

    [Fact]
    public void List_WithNone_ShowsTheEmptyState_AndTheFormWithLabels()
    {
        var (context, _) = _host.Context();

        var page = context.Render<PrimaryList>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#no-primaries")), Wait);
        Assert.Empty(page.FindAll("#primaries"));
        Assert.Equal(["Name", "IP address", "Port"], new[] { "add-name", "add-address", "add-port" }.Select(id => page.Find($"label[for={id}]").TextContent.Trim()));
    }

    [Fact]
    public async Task List_ShowsTheAccountsPrimariesByName_WithAddressAndKey_AndNotAnotherAccounts()
    {
        var secret = Convert.ToBase64String(new byte[32]);
        await _host.Services.GetRequiredService<TsigKeyService>().CreateAsync(_host.Customer, "office-key.", "hmac-sha256", secret);
        Assert.True((await Directory.AddAsync(_host.Customer, new PrimaryInput("office", "192.0.2.1", 5353, "office-key."))).Succeeded);
        Assert.True((await Directory.AddAsync(_host.Customer, new PrimaryInput("backup", "2001:db8::1"))).Succeeded);
        Assert.True((await Directory.AddAsync(new Portal.Accounts.AccountScope("someone-else", false), new PrimaryInput("theirs", "192.0.2.9"))).Succeeded);
        var (context, _) = _host.Context();

        var page = context.Render<PrimaryList>();

        page.WaitForAssertion(() => Assert.Equal(["backup", "office"], Names(page)), Wait);
        string table = page.Find("#primaries").TextContent;
        Assert.Contains("192.0.2.1:5353", table, StringComparison.Ordinal);
        Assert.Contains("[2001:db8::1]:53", table, StringComparison.Ordinal);
        Assert.Contains("office-key.", table, StringComparison.Ordinal);
        Assert.DoesNotContain("theirs", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_WithBadFields_ShowsEachMessageBesideItsField_ThenAGoodOneIsListed()
    {
        var (context, _) = _host.Context();
        var page = context.Render<PrimaryList>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#no-primaries")), Wait);

        page.Find("#add-name").Input("office");
        page.Find("#add-address").Input("not-an-address");
        page.Find("#add-port").Input("fifty-three");
        page.Find("#add-primary-button").Click();
        page.WaitForAssertion(() => Assert.Equal("Enter a port from 1 to 65535 (53 as a rule).", FieldError(page, "add-port")), Wait);

        page.Find("#add-port").Input("53");
        page.Find("#add-primary-button").Click();
        page.WaitForAssertion(() => Assert.NotEqual("", FieldError(page, "add-address")), Wait);
        Assert.Equal("", FieldError(page, "add-port"));
        Assert.NotNull(page.Find("#no-primaries"));

        page.Find("#add-address").Input("192.0.2.1");
        page.Find("#add-primary-button").Click();
        page.WaitForAssertion(() => Assert.Equal(["office"], Names(page)), Wait);
        Assert.Contains(Snackbars(context), m => m.StartsWith("Saved primary office", StringComparison.Ordinal));
        Assert.Equal("", page.Find("#add-name").GetAttribute("value") ?? "");
    }

    [Fact]
    public void PrimaryForm_ShowsEachMessageBesideItsField_AndKeepsTheValues()
    {
        var (context, _) = _host.Context();
        var errors = new Dictionary<string, string> { ["Address"] = "Enter an IPv4 or IPv6 address.", ["Port"] = "Enter a port from 1 to 65535." };

        var form = context.Render<PrimaryForm>(parameters => parameters
            .Add(p => p.Fields, new PrimaryFields { Name = "office", Address = "1.2.3", Port = "x" }).Add(p => p.Errors, errors)
            .Add(p => p.Keys, new[] { "k1." }).Add(p => p.Prefix, "edit"));

        Assert.Equal("Enter an IPv4 or IPv6 address.", FieldError(form, "edit-address"));
        Assert.Equal("Enter a port from 1 to 65535.", FieldError(form, "edit-port"));
        Assert.Equal("", FieldError(form, "edit-name"));
        Assert.Equal("1.2.3", form.Find("#edit-address").GetAttribute("value"));
        Assert.Equal("TSIG key", form.Find("label[for=edit-key]").TextContent.Trim());
    }

    [Fact]
    public async Task Delete_FromTheList_AsksFirst_CancelKeeps_ConfirmDeletes()
    {
        Assert.True((await Directory.AddAsync(_host.Customer, new PrimaryInput("office", "192.0.2.1"))).Succeeded);
        var (context, dialogs) = _host.Context();
        var page = context.Render<PrimaryList>();
        page.WaitForAssertion(() => Assert.Equal(["office"], Names(page)), Wait);

        page.Find("button[aria-label='Delete office']").Click();
        Assert.Contains("Delete the saved primary office?", Answer(dialogs, "Cancel"), StringComparison.Ordinal);
        Assert.Single(await Directory.ListAsync(_host.Customer));

        page.Find("button[aria-label='Delete office']").Click();
        Answer(dialogs, "Delete");

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#no-primaries")), Wait);
        Assert.Empty(await Directory.ListAsync(_host.Customer));
    }

    [Fact]
    public async Task Edit_ShowsTheValues_ABadAddressIsRefusedBesideItsField_AndAGoodChangeIsSaved()
    {
        long id = (await Directory.AddAsync(_host.Customer, new PrimaryInput("office", "192.0.2.1"))).Id!.Value;
        var (context, _) = _host.Context();

        var page = context.Render<PrimaryEdit>(parameters => parameters.Add(p => p.Id, id));

        page.WaitForAssertion(() => Assert.Equal("192.0.2.1", page.Find("#edit-address").GetAttribute("value")), Wait);
        Assert.NotNull(page.Find("#no-primary-zones"));
        page.Find("#edit-address").Input("999.1.1.1");
        page.Find("#save-primary").Click();
        page.WaitForAssertion(() => Assert.NotEqual("", FieldError(page, "edit-address")), Wait);
        Assert.Equal("192.0.2.1", (await Directory.GetAsync(_host.Customer, id))!.Address);

        page.Find("#edit-address").Input("192.0.2.2");
        page.Find("#save-primary").Click();
        page.WaitForAssertion(() => Assert.Equal("", FieldError(page, "edit-address")), Wait);
        Assert.Equal("192.0.2.2", (await Directory.GetAsync(_host.Customer, id))!.Address);
        Assert.Contains("Saved primary office.", Snackbars(context));
    }

    [Fact]
    public async Task Edit_DeleteConfirmed_GoesBackToTheList()
    {
        long id = (await Directory.AddAsync(_host.Customer, new PrimaryInput("office", "192.0.2.1"))).Id!.Value;
        var (context, dialogs) = _host.Context();
        var page = context.Render<PrimaryEdit>(parameters => parameters.Add(p => p.Id, id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#delete-primary")), Wait);

        page.Find("#delete-primary").Click();
        Answer(dialogs, "Delete");

        var navigation = context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith("/primaries", navigation.Uri, StringComparison.Ordinal), Wait);
        Assert.Empty(await Directory.ListAsync(_host.Customer));
    }

    private static string FieldError<T>(IRenderedComponent<T> page, string inputId) where T : Microsoft.AspNetCore.Components.IComponent =>
        page.FindAll(".mud-input-control").Last(control => control.QuerySelector($"#{inputId}") is not null)
            .QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() ?? "";

    private static List<string> Names(IRenderedComponent<PrimaryList> page) =>
        page.FindAll("td[data-primary]").Select(cell => cell.GetAttribute("data-primary")!).ToList();
}
