using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using SecondaryPortal.Dns.Outbound;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Tests.Outbound;

/// <summary>An access list the test sets: entries allowed for every zone, and a record of what was asked.</summary>
internal sealed class FakeTransferPolicy : IZoneTransferPolicy
{
    public List<TransferAclEntry> Entries { get; } = [];

    public ConcurrentQueue<(DnsName Zone, IPAddress Remote, DnsName? Key)> Asked { get; } = new();

    public static FakeTransferPolicy AllowAll()
    {
        var policy = new FakeTransferPolicy();
        policy.Entries.Add(TransferAclEntry.Parse("0.0.0.0/0"));
        policy.Entries.Add(TransferAclEntry.Parse("::/0"));
        return policy;
    }

    public bool IsTransferAllowed(DnsName zone, IPAddress remote, DnsName? keyName)
    {
        Asked.Enqueue((zone, remote, keyName));
        return TransferAclEntry.AnyAllows(Entries, remote, keyName);
    }
}

/// <summary>A journal holding the diffs the test adds, chained by serial like the store's.</summary>
internal sealed class FakeJournal : IZoneJournal
{
    private readonly List<ZoneDiff> _diffs = [];

    public void Add(ZoneDiff diff) => _diffs.Add(diff);

    public bool TryGetDiffs(DnsName zone, uint fromSerial, uint toSerial, [NotNullWhen(true)] out IReadOnlyList<ZoneDiff>? diffs)
    {
        var chain = new List<ZoneDiff>();
        uint serial = fromSerial;
        while (serial != toSerial && _diffs.FirstOrDefault(d => d.OldSerial == serial && d.OldSoa.Name.Equals(zone)) is { } next)
        {
            chain.Add(next);
            serial = next.NewSerial;
        }
        diffs = serial == toSerial && chain.Count > 0 ? chain : null;
        return diffs is not null;
    }
}

/// <summary>A fixed keyring.</summary>
internal sealed class FixedKeys(TsigKeyring keyring) : ITsigKeyLookup
{
    public TsigKeyring Keyring => keyring;
}
