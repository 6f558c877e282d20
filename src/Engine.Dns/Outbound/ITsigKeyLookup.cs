using SecondaryPortal.Dns.Tsig;

namespace SecondaryPortal.Dns.Outbound;

/// <summary>
/// The TSIG keys this server knows, by name: those that may sign transfer requests, and those NOTIFY
/// messages to secondaries are signed with. Read once per signed request: implementations keep the current
/// keyring in memory and swap in a new one when keys change.
/// </summary>
public interface ITsigKeyLookup
{
    /// <summary>The keys known now.</summary>
    TsigKeyring Keyring { get; }
}
