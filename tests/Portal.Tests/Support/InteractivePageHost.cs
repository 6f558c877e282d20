using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SecondaryPortal.Portal.Accounts;
using SecondaryPortal.Portal.Hosting;

namespace SecondaryPortal.Portal.Tests.Support;

/// <summary>
/// The real server (built and started on a fresh data directory, listeners on free ports) with an admin and a customer,
/// and bUnit contexts on one DI scope of it (the pages' scoped services, Identity's among them), with MudBlazor's dialog
/// provider rendered so a page's dialogs can be answered.
/// </summary>
public sealed class InteractivePageHost : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private const string Password = "Page-password-1";
    private readonly TempDataDirectory _data = new();
    private readonly List<IAsyncDisposable> _disposables = [];
    private WebApplication _app = default!;

    public IServiceProvider Services => _app.Services;

    public string AdminId { get; private set; } = default!;

    public string CustomerId { get; private set; } = default!;

    public AccountScope Customer => new(CustomerId, IsAdmin: false);

    public static async Task<InteractivePageHost> StartAsync()
    {
        var host = new InteractivePageHost();
        host._app = PortalApplication.Build(["--urls=http://127.0.0.1:0", "--Dns:Listen:0=127.0.0.1:0", host._data.Override]);
        await host._app.StartAsync();
        host.AdminId = await host.CreateAccountAsync("admin@example.com", admin: true);
        host.CustomerId = await host.CreateAccountAsync("alice@example.com", admin: false);
        return host;
    }

    public async Task<string> CreateAccountAsync(string email, bool admin)
    {
        using var scope = Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, Password, admin);
        Assert.True(created.Succeeded, created.Message);
        return created.UserId!;
    }

    /// <summary>A bUnit context signed in as the customer (or the admin), and the dialog provider its pages show dialogs in.</summary>
    public (BunitContext Context, IRenderedComponent<MudDialogProvider> Dialogs) Context(bool admin = false)
    {
        var scope = Services.CreateAsyncScope();
        _disposables.Add(scope);
        var user = admin
            ? new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, AdminId), new Claim(ClaimTypes.Name, "admin@example.com"), new Claim(ClaimTypes.Role, AccountRoles.Admin)], "test"))
            : new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, CustomerId), new Claim(ClaimTypes.Name, "alice@example.com")], "test"));
        var context = PageContext.For(scope.ServiceProvider, user);
        _disposables.Add(context);
        return (context, context.Render<MudDialogProvider>());
    }

    /// <summary>
    /// Waits for the dialog open in <paramref name="dialogs"/>, presses its button labelled <paramref name="button"/>, and
    /// returns the dialog's text as it was.
    /// </summary>
    public static string Answer(IRenderedComponent<MudDialogProvider> dialogs, string button)
    {
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll(".mud-dialog")), Wait);
        string text = dialogs.Find(".mud-dialog").TextContent;
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == button).Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")), Wait);
        return text;
    }

    /// <summary>The messages the page's snackbars showed.</summary>
    public static List<string> Snackbars(BunitContext context) =>
        context.Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message?.ToString() ?? "").ToList();

    public async ValueTask DisposeAsync()
    {
        for (int i = _disposables.Count - 1; i >= 0; i--)
            await _disposables[i].DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _data.Dispose();
    }
}
