using System.Net;
using SecondaryPortal.Portal.Tests.Support;

namespace SecondaryPortal.Portal.Tests.Accounts;

/// <summary>First-run set-up, sign-up, sign-in and sign-out through the real pages, as a browser without JavaScript uses them.</summary>
public sealed class AccountPagesTests
{
    private const string Password = "Correct-horse-9";

    [Fact]
    public async Task FirstVisit_OnAFreshInstall_GoesToSetup_WhichCreatesTheSignedInAdmin()
    {
        await using var portal = await RunningPortal.StartAsync();
        using var browser = portal.Client();

        using var home = await browser.GetAsync("/zones");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/setup", home.Headers.Location!.ToString());

        var setup = await browser.PageAsync("/setup");
        using var created = await browser.SubmitAsync(setup, "form", Fields("admin@example.com", Password));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var dashboard = await browser.PageAsync("/");
        Assert.Contains("admin@example.com (admin)", dashboard.QuerySelector("nav")!.TextContent, StringComparison.Ordinal);
        var again = await browser.PageAsync("/setup");
        Assert.Equal("Already set up", again.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Setup_WithAShortPasswordAndAMismatch_ShowsEachMessageBesideItsField_AndCreatesNothing()
    {
        await using var portal = await RunningPortal.StartAsync();
        using var browser = portal.Client();
        var setup = await browser.PageAsync("/setup");

        var (_, page) = await browser.SubmitAndReadAsync(setup, "form", new Dictionary<string, string>
        {
            ["Form.Email"] = "not an email", ["Form.Password"] = "short", ["Form.ConfirmPassword"] = "other",
        });

        var messages = page!.QuerySelectorAll("form .text-danger").Select(m => m.TextContent).ToList();
        Assert.Contains("Enter an email address such as name@example.com.", messages);
        Assert.Contains("Use at least 10 characters.", messages);
        Assert.Contains("The two passwords differ.", messages);
        using var stillFresh = await browser.GetAsync("/");
        Assert.Equal("/setup", stillFresh.Headers.Location!.ToString());
    }

    [Fact]
    public async Task SignUp_CreatesACustomerAccount_ThatIsNotAnAdmin_AndSignOutEndsTheSession()
    {
        await using var portal = await RunningPortal.StartAsync();
        await CreateAdminAsync(portal);
        using var browser = portal.Client();

        var register = await browser.PageAsync("/account/register");
        using var registered = await browser.SubmitAsync(register, "form", Fields("customer@example.com", Password));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var dashboard = await browser.PageAsync("/");
        string nav = dashboard.QuerySelector("nav")!.TextContent;
        Assert.Contains("customer@example.com", nav, StringComparison.Ordinal);
        Assert.DoesNotContain("(admin)", nav, StringComparison.Ordinal);

        using var signedOut = await browser.SubmitAsync(dashboard, "form[action='account/logout']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        using var after = await browser.GetAsync("/account/tokens");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("http://127.0.0.1", after.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("/account/login?ReturnUrl=%2Faccount%2Ftokens", after.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_OfACustomer_ShowsNeitherAnotherAccountsZoneNorItsQueries()
    {
        await using var portal = await RunningPortal.StartAsync();
        await CreateAdminAsync(portal);
        var store = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Engine.Zones.ZoneStore>(portal.Services);
        var records = Dns.ZoneFiles.ZoneFileParser.Parse(ZoneTexts.Simple("theirs.example.", 1), Dns.Wire.DnsName.Parse("theirs.example."));
        var imported = await store.ImportAsync(Dns.Wire.DnsName.Parse("theirs.example."), records, new Engine.Zones.ZoneImportOptions { OwnerId = "someone-else" });
        Assert.True(imported.Succeeded, imported.Message);
        using var browser = portal.Client();
        var register = await browser.PageAsync("/account/register");
        using var registered = await browser.SubmitAsync(register, "form", Fields("customer@example.com", Password));

        var dashboard = await browser.PageAsync("/");

        Assert.NotNull(dashboard.QuerySelector("#no-zones"));
        Assert.DoesNotContain("theirs.example", dashboard.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_SaysSo_ThenTheRightOneSignsIn()
    {
        await using var portal = await RunningPortal.StartAsync();
        await CreateAdminAsync(portal);
        using var browser = portal.Client();

        var login = await browser.PageAsync("/account/login");
        var (_, refused) = await browser.SubmitAndReadAsync(login, "form", SignIn("admin@example.com", "Wrong-password-1"));
        Assert.Equal("The email or the password is wrong.", refused!.QuerySelector("[data-testid=form-message]")!.TextContent);

        using var signedIn = await browser.SubmitAsync(refused, "form", SignIn("admin@example.com", Password));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task SignIn_ReturnUrlOutsideTheSite_IsIgnored()
    {
        await using var portal = await RunningPortal.StartAsync();
        await CreateAdminAsync(portal);
        using var browser = portal.Client();

        var login = await browser.PageAsync("/account/login?ReturnUrl=%2F%2Fevil.example%2F");
        using var signedIn = await browser.SubmitAsync(login, "form", SignIn("admin@example.com", Password));

        Assert.Equal("/", signedIn.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task SignIn_MoreThanTenPostsAMinuteFromOneAddress_AreRefusedWith429()
    {
        await using var portal = await RunningPortal.StartAsync();
        await CreateAdminAsync(portal);
        using var browser = portal.Client();
        var login = await browser.PageAsync("/account/login");

        var statuses = new List<HttpStatusCode>();
        for (int attempt = 0; attempt < 11; attempt++)
        {
            using var response = await browser.SubmitAsync(login, "form", SignIn("admin@example.com", "Wrong-password-1"));
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(10), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }

    internal static async Task CreateAdminAsync(RunningPortal portal, string email = "admin@example.com")
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.Extensions.DependencyInjection.IServiceScopeFactory>(portal.Services).CreateScope();
        var accounts = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Portal.Accounts.AccountService>(scope.ServiceProvider);
        var created = await accounts.CreateAsync(email, Password, admin: true);
        Assert.True(created.Succeeded, created.Message);
    }

    private static Dictionary<string, string> Fields(string email, string password) => new()
    {
        ["Form.Email"] = email, ["Form.Password"] = password, ["Form.ConfirmPassword"] = password,
    };

    private static Dictionary<string, string> SignIn(string email, string password) => new()
    {
        ["Input.Email"] = email, ["Input.Password"] = password,
    };
}
