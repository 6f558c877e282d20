namespace SecondaryPortal.Portal.Services.Primaries;

/// <summary>A saved primary as typed in the form or sent to the API.</summary>
/// <param name="Name">The label ("office BIND"); unique in the account.</param>
/// <param name="Address">The IPv4 or IPv6 address.</param>
/// <param name="Port">The port (53 as a rule).</param>
/// <param name="KeyName">The name of one of the account's TSIG keys that signs the traffic to it, or null/blank for none.</param>
public sealed record PrimaryInput(string? Name, string? Address, int Port = 53, string? KeyName = null);
