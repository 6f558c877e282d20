namespace SecondaryPortal.Portal.Api;

/// <summary>A primary in a request: an IPv4 or IPv6 address and a port (53 when omitted).</summary>
/// <param name="Address">"192.0.2.1" or "2001:db8::1".</param>
/// <param name="Port">The port, 53 by default.</param>
public sealed record PrimaryRequest(string? Address, int? Port = null);
