namespace SecondaryPortal.Engine.Zones;

/// <summary>What a customer typed for a saved primary (checked by <see cref="SavedPrimaryStore"/>).</summary>
/// <param name="Name">The label ("office BIND"); unique per account, at most 64 characters.</param>
/// <param name="Address">An IPv4 or IPv6 address in text form.</param>
/// <param name="Port">The port, 1 to 65535 (53 as a rule).</param>
/// <param name="TsigKeyId">One of the account's TSIG keys, or null for none.</param>
public sealed record SavedPrimaryInput(string Name, string Address, int Port = 53, long? TsigKeyId = null);
