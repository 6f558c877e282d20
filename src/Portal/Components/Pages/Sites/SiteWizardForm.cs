namespace SecondaryPortal.Portal.Components.Pages.Sites;

/// <summary>The fields the Add Site wizard posts (only the current step's inputs are on the page; the rest is in <see cref="State"/>).</summary>
public sealed class SiteWizardForm
{
    /// <summary>The protected state of the earlier steps (see <see cref="Services.Sites.SiteWizardStateProtector"/>).</summary>
    public string? State { get; set; }

    /// <summary>The button pressed: next, back, add-primary, remove-primary-N, generate, check, create.</summary>
    public string? Action { get; set; }

    /// <summary>Step 1: the domain.</summary>
    public string? Domain { get; set; }

    /// <summary>Step 1: "Secondary" or "Authoritative".</summary>
    public string? Kind { get; set; }

    /// <summary>Step 2 (secondary): the primaries' rows.</summary>
    public List<PrimaryRowForm>? Primaries { get; set; }

    /// <summary>Step 2 (secondary): "None", "Existing" or "New".</summary>
    public string? KeyMode { get; set; }

    /// <summary>Step 2: the existing key chosen.</summary>
    public string? ExistingKey { get; set; }

    /// <summary>Step 2: a new key's name.</summary>
    public string? NewKeyName { get; set; }

    /// <summary>Step 2: a new key's algorithm.</summary>
    public string? NewKeyAlgorithm { get; set; }

    /// <summary>Step 2: a new key's secret.</summary>
    public string? NewKeySecret { get; set; }

    /// <summary>Step 2 (authoritative): "empty" or "file".</summary>
    public string? Source { get; set; }

    /// <summary>Step 2 (authoritative): the pasted zone file.</summary>
    public string? ZoneText { get; set; }

    /// <summary>Step 2 (authoritative): the uploaded zone file.</summary>
    public IFormFile? ZoneUpload { get; set; }
}
