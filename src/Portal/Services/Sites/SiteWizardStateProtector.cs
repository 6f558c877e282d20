using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>
/// Seals the wizard's state into an opaque hidden-field value (Data Protection, purpose "site-wizard", valid for two
/// hours) and opens it again; a value changed, expired or from another account opens to nothing.
/// </summary>
public sealed class SiteWizardStateProtector(IDataProtectionProvider provider)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);
    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("site-wizard").ToTimeLimitedDataProtector();

    /// <summary>The sealed state of <paramref name="userId"/>'s wizard.</summary>
    public string Protect(string userId, SiteWizardState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(state);
        return Convert.ToBase64String(_protector.CreateProtector(userId).Protect(json, Lifetime));
    }

    /// <summary>The state sealed by <see cref="Protect"/> for <paramref name="userId"/>; null when absent, altered or expired.</summary>
    public SiteWizardState? Unprotect(string userId, string? sealedState)
    {
        if (string.IsNullOrEmpty(sealedState))
            return null;
        try
        {
            byte[] json = _protector.CreateProtector(userId).Unprotect(Convert.FromBase64String(sealedState), out _);
            return JsonSerializer.Deserialize<SiteWizardState>(json);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }
}
