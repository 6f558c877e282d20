using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Portal.Accounts;

/// <summary>Accounts: Identity on the store's database, cookie sign-in for the pages, API tokens for /api, and the sign-in rate limit.</summary>
public static class AccountServiceCollectionExtensions
{
    /// <summary>Sign-in attempts allowed per client address per minute, before 429 Too Many Requests.</summary>
    public const int SignInAttemptsPerMinute = 10;

    /// <summary>Adds Identity (accounts with the admin role), the cookie and API token schemes, and the sign-in rate limit.</summary>
    public static IServiceCollection AddPortalAccounts(this IServiceCollection services, StoreSettings store)
    {
        services.AddAccountStore(store);
        services.AddHostedService<AccountMigrationHostedService>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(ConfigureCookie);
        // A browser's sign-in is checked against the account's security stamp every minute (Identity's default: 30), so an
        // account an admin disables, or whose role changes, is signed out (or gets its new role) within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorization();
        new IdentityBuilder(typeof(PortalUser), typeof(IdentityRole), services).AddSignInManager();
        services.AddSingleton<ZoneVisibility>();
        services.AddSingleton<SignInThrottle>();
        return services;
    }

    /// <summary>
    /// Adds what the command line needs too: the accounts' context on the store's database, Identity's user and role
    /// managers (password rules, lockout), <see cref="AccountService"/> and <see cref="ApiTokenService"/>. Data Protection
    /// must be added as well (the store's TSIG key protection adds it).
    /// </summary>
    public static IServiceCollection AddAccountStore(this IServiceCollection services, StoreSettings store)
    {
        services.AddDbContextFactory<AccountDbContext>(options =>
            StoreDbContextOptions.Configure(options, store, AccountDbContext.MigrationsHistoryTable));
        services.AddIdentityCore<PortalUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AccountDbContext>()
            .AddDefaultTokenProviders();
        services.AddScoped<AccountService>();
        services.AddSingleton<ApiTokenService>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    // HttpOnly, SameSite=Lax and Secure whenever the portal is reached over HTTPS; the demo on 127.0.0.1 is plain HTTP.
    private static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "sp.auth";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        options.LoginPath = "/account/login";
        options.LogoutPath = "/account/logout";
        options.AccessDeniedPath = "/account/login";
        options.ExpireTimeSpan = TimeSpan.FromDays(7);
        options.SlidingExpiration = true;
    }
}
