namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>The TSIG key chosen in the wizard.</summary>
/// <param name="Mode">None, an existing key, or a new one.</param>
/// <param name="Name">The key's name (existing or new); ignored for <see cref="SiteKeyMode.None"/>.</param>
/// <param name="Algorithm">A new key's algorithm mnemonic ("hmac-sha256").</param>
/// <param name="Secret">A new key's secret in base64.</param>
public sealed record SiteKeyChoice(SiteKeyMode Mode, string? Name = null, string? Algorithm = null, string? Secret = null)
{
    /// <summary>No key.</summary>
    public static SiteKeyChoice None { get; } = new(SiteKeyMode.None);

    /// <summary>Never shows the secret.</summary>
    public override string ToString() => Mode == SiteKeyMode.None ? "no key" : $"{Mode} key {Name} ({Algorithm})";
}
