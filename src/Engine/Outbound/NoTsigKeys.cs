using SecondaryPortal.Dns.Outbound;
using SecondaryPortal.Dns.Tsig;

namespace SecondaryPortal.Engine.Outbound;

/// <summary>
/// The key lookup used until one backed by the TSIG key store is registered: no keys, so signed transfer
/// requests get BADKEY and NOTIFY targets that name a key are skipped (with an error in the log).
/// </summary>
public sealed class NoTsigKeys : ITsigKeyLookup
{
    /// <inheritdoc/>
    public TsigKeyring Keyring => TsigKeyring.Empty;
}
