namespace SecondaryPortal.Portal.Components.Pages.Sites;

/// <summary>One primary's row in the wizard's form.</summary>
public sealed class PrimaryRowForm
{
    /// <summary>The IPv4 or IPv6 address.</summary>
    public string? Address { get; set; }

    /// <summary>The port (blank: 53).</summary>
    public string? Port { get; set; }
}
