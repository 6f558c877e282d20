namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>
/// What the wizard's steps 1 to 3 collected, carried from post to post in a hidden field protected by Data Protection
/// (<see cref="SiteWizardStateProtector"/>), so nothing is stored before the draft is created.
/// </summary>
public sealed record SiteWizardState
{
    /// <summary>The step shown: 1 domain, 2 primaries or source, 3 check.</summary>
    public int Step { get; init; } = 1;

    /// <summary>The domain as typed.</summary>
    public string? Domain { get; init; }

    /// <summary>Secondary or authoritative.</summary>
    public SiteKind Kind { get; init; } = SiteKind.Secondary;

    /// <summary>The primaries as typed (address, port), in order.</summary>
    public IReadOnlyList<SitePrimaryRow> Primaries { get; init; } = [new SitePrimaryRow("", "53")];

    /// <summary>The key chosen.</summary>
    public SiteKeyMode KeyMode { get; init; } = SiteKeyMode.None;

    /// <summary>The existing key chosen (by name).</summary>
    public string? ExistingKey { get; init; }

    /// <summary>A new key's name.</summary>
    public string? NewKeyName { get; init; }

    /// <summary>A new key's algorithm.</summary>
    public string? NewKeyAlgorithm { get; init; }

    /// <summary>A new key's secret (base64); only ever on the page inside the protected field and its own input.</summary>
    public string? NewKeySecret { get; init; }

    /// <summary>Step 3 found at least one primary that answered with the zone's serial, for these primaries and this key.</summary>
    public bool CheckPassed { get; init; }

    /// <summary>Step 2 (authoritative): start from an empty zone (true) or a zone file.</summary>
    public bool StartEmpty { get; init; } = true;

    /// <summary>The key as the service takes it.</summary>
    public SiteKeyChoice Key => KeyMode switch
    {
        SiteKeyMode.Existing => new SiteKeyChoice(SiteKeyMode.Existing, ExistingKey),
        SiteKeyMode.New => new SiteKeyChoice(SiteKeyMode.New, NewKeyName, NewKeyAlgorithm, NewKeySecret),
        _ => SiteKeyChoice.None,
    };

    /// <summary>Never shows the secret.</summary>
    public override string ToString() => $"step {Step}, {Kind} {Domain}, {Primaries.Count} primaries, {Key}";
}
