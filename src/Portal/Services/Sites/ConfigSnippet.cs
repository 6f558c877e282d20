namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>Configuration to paste into one primary's server software.</summary>
/// <param name="Server">The software ("BIND 9", "Knot DNS", "NSD", "PowerDNS").</param>
/// <param name="Where">Where it goes ("named.conf", "knot.conf", "nsd.conf", "shell, with pdnsutil").</param>
/// <param name="Text">The lines to paste.</param>
public sealed record ConfigSnippet(string Server, string Where, string Text);
