namespace SecondaryPortal.Portal.Components.Pages.Primaries;

/// <summary>The primary form's fields as posted (the port as text, so a typo gets a message rather than a binding error).</summary>
public sealed class PrimaryFields
{
    /// <summary>The label.</summary>
    public string? Name { get; set; }

    /// <summary>The IP address.</summary>
    public string? Address { get; set; }

    /// <summary>The port, as typed.</summary>
    public string? Port { get; set; } = "53";

    /// <summary>The TSIG key's name, or empty for none.</summary>
    public string? KeyName { get; set; }
}
