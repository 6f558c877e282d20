using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tsig;

/// <summary>
/// The keys a server accepts, found by key name (without case, RFC 4343). Immutable: when keys change,
/// build a new keyring and swap it in.
/// </summary>
public sealed class TsigKeyring
{
    private readonly FrozenDictionary<DnsName, TsigKey> _keys;

    /// <summary>A keyring holding <paramref name="keys"/>.</summary>
    /// <exception cref="ArgumentException">Two keys have the same name.</exception>
    public TsigKeyring(IEnumerable<TsigKey> keys)
    {
        var byName = new Dictionary<DnsName, TsigKey>();
        foreach (var key in keys)
        {
            if (!byName.TryAdd(key.Name, key))
                throw new ArgumentException($"two TSIG keys are named {key.Name}", nameof(keys));
        }
        _keys = byName.ToFrozenDictionary();
    }

    /// <summary>A keyring with no keys: every signed request gets BADKEY.</summary>
    public static TsigKeyring Empty { get; } = new([]);

    /// <summary>Number of keys.</summary>
    public int Count => _keys.Count;

    /// <summary>Finds the key named <paramref name="name"/>.</summary>
    public bool TryFind(DnsName name, [NotNullWhen(true)] out TsigKey? key) => _keys.TryGetValue(name, out key);
}
