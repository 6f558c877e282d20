using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace SecondaryPortal.Engine.Persistence;

/// <summary>
/// Protects TSIG secrets at rest with ASP.NET Core Data Protection (authenticated encryption under keys kept in
/// the data directory's keys folder, see <see cref="StoreServiceCollectionExtensions.AddTsigKeyProtection"/>).
/// Only the protected form reaches the database.
/// </summary>
public sealed class TsigSecretProtector(IDataProtectionProvider provider)
{
    // The purpose string isolates these payloads from any other use of the same key ring.
    private readonly IDataProtector _protector = provider.CreateProtector("SecondaryPortal.TsigKeys.Secret.v1");

    /// <summary>The protected text to store for <paramref name="secret"/>.</summary>
    public string Protect(ReadOnlySpan<byte> secret) => Convert.ToBase64String(_protector.Protect(secret.ToArray()));

    /// <summary>The secret behind <paramref name="protectedSecret"/>; false when it cannot be read (the key ring was lost or replaced).</summary>
    public bool TryUnprotect(string protectedSecret, out byte[] secret)
    {
        try
        {
            secret = _protector.Unprotect(Convert.FromBase64String(protectedSecret));
            return true;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            secret = [];
            return false;
        }
    }
}
