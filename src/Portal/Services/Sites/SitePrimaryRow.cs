namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>A primary as typed in the wizard (validated by <see cref="SitePrimary.TryParse"/>).</summary>
/// <param name="Address">The IPv4 or IPv6 address.</param>
/// <param name="Port">The port (blank: 53).</param>
public sealed record SitePrimaryRow(string Address, string Port);
