namespace SecondaryPortal.Portal.Components.Pages.Keys;

/// <summary>The fields of the new key form on the TSIG keys page.</summary>
public sealed class KeyForm
{
    /// <summary>The key name.</summary>
    public string? Name { get; set; }

    /// <summary>The algorithm mnemonic.</summary>
    public string? Algorithm { get; set; }

    /// <summary>The secret in base64.</summary>
    public string? Secret { get; set; }
}
