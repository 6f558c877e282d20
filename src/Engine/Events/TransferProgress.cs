using System.Collections.Concurrent;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Events;

/// <summary>
/// The refreshes running now, for the portal's live progress (the Add Site wizard's first transfer, a zone page's status):
/// per zone its phase, the primary asked and the records and octets received so far. Only the running engine's process
/// knows them; the store has the outcome once a refresh ends. Written by the refresh on its own thread (a few field writes
/// per message received, no allocation), read by any thread as a <see cref="TransferProgressSnapshot"/>.
/// </summary>
public sealed class TransferProgress
{
    private readonly ConcurrentDictionary<DnsName, Tracker> _running = new();

    /// <summary>The refresh of <paramref name="origin"/> running now, or null when none runs.</summary>
    public TransferProgressSnapshot? Get(DnsName origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return _running.TryGetValue(origin, out var tracker) ? tracker.Snapshot() : null;
    }

    /// <summary>Every refresh running now, ordered by zone.</summary>
    public IReadOnlyList<TransferProgressSnapshot> GetAll() =>
        _running.OrderBy(pair => pair.Key).Select(pair => pair.Value.Snapshot()).ToList();

    /// <summary>Notes the start of a refresh of <paramref name="origin"/>; disposing the tracker notes its end.</summary>
    internal Tracker Start(DnsName origin, DateTimeOffset startedAt)
    {
        var tracker = new Tracker(this, origin, startedAt);
        _running[origin] = tracker;
        return tracker;
    }

    /// <summary>One running refresh; the transfer client reports to it after each message.</summary>
    internal sealed class Tracker(TransferProgress owner, DnsName origin, DateTimeOffset startedAt) : IProgress<TransferProgressReport>, IDisposable
    {
        private readonly string _origin = ZoneStore.OriginKey(origin);
        private volatile string? _primary;
        private int _phase;
        private int _messages;
        private long _records;
        private long _bytes;

        /// <summary>Moves to <paramref name="phase"/> at <paramref name="primary"/>; asking a new primary starts the counts again.</summary>
        public void Enter(TransferPhase phase, string? primary = null)
        {
            if (primary is not null && !string.Equals(primary, _primary, StringComparison.Ordinal))
            {
                _primary = primary;
                Report(default);
            }
            Volatile.Write(ref _phase, (int)phase);
        }

        /// <inheritdoc/>
        public void Report(TransferProgressReport value)
        {
            Volatile.Write(ref _messages, value.Messages);
            Volatile.Write(ref _records, value.Records);
            Volatile.Write(ref _bytes, value.Bytes);
        }

        public TransferProgressSnapshot Snapshot() => new(_origin, (TransferPhase)Volatile.Read(ref _phase), _primary,
            Volatile.Read(ref _messages), Volatile.Read(ref _records), Volatile.Read(ref _bytes), startedAt);

        public void Dispose() => ((ICollection<KeyValuePair<DnsName, Tracker>>)owner._running).Remove(new KeyValuePair<DnsName, Tracker>(origin, this));
    }
}
