namespace SecondaryPortal.Dns.Server;

/// <summary>
/// The open TCP connections of a server: enforces the connection limit and the idle timeout.
/// <para>
/// Limit policy (RFC 7766 §10 asks for a configurable limit; §6.2.3 lets a server close idle
/// connections when it needs the resources): a new connection is always admitted, and when the limit
/// is reached the connection that has made no progress (no request read, no response written) for the
/// longest time is closed to make room. A flood of idle or slow connections therefore cannot lock out
/// a client with a query to ask: it only evicts itself, oldest first, while a connection in active use
/// is the last to go. Evicted clients see a clean close (FIN) and may reconnect (RFC 7766 §6.2.3).
/// </para>
/// <para>
/// Idle timeout: a sweep, a few times per timeout period, closes every connection without progress for
/// longer than the timeout. This covers a silent client, a client trickling a message byte by byte,
/// and a client that pipelines requests but never reads the responses.
/// </para>
/// </summary>
internal sealed class TcpConnectionTable : IDisposable
{
    private readonly object _gate = new();
    private readonly List<TcpConnection> _connections = [];
    private readonly int _limit;
    private readonly long _idleMilliseconds;
    private readonly ListenerServices _services;
    private readonly Timer _sweeper;
    private readonly TimeSpan _sweepPeriod;
    private bool _sweeping;
    private bool _closed;

    public TcpConnectionTable(int limit, TimeSpan idleTimeout, ListenerServices services)
    {
        _limit = limit;
        _idleMilliseconds = Math.Max(1, (long)idleTimeout.TotalMilliseconds);
        _services = services;
        _sweepPeriod = TimeSpan.FromMilliseconds(Math.Clamp(_idleMilliseconds / 4, 20, 1000));
        // Armed only while a connection is open: an idle server has nothing to sweep and should not wake for it.
        _sweeper = new Timer(_ => Sweep(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Open connections.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
                return _connections.Count;
        }
    }

    /// <summary>Lists and starts <paramref name="connection"/>, evicting one at the limit; closes it when the table is closed.</summary>
    public void Admit(TcpConnection connection)
    {
        TcpConnection? evicted = null;
        bool admitted = false;
        lock (_gate)
        {
            if (!_closed)
            {
                if (_connections.Count >= _limit)
                    evicted = RemoveAt(LeastRecentlyActive());
                connection.TableIndex = _connections.Count;
                _connections.Add(connection);
                if (!_sweeping)
                {
                    _sweeping = true;
                    _sweeper.Change(_sweepPeriod, _sweepPeriod);
                }
                // Started under the gate so that CloseAllAsync, which snapshots under it, waits for this loop too.
                connection.Start(Remove);
                admitted = true;
            }
        }
        if (evicted is not null)
        {
            _services.TcpConnectionEvicted(_limit, evicted, connection);
            evicted.Close(TcpCloseReason.Evicted);
        }
        if (!admitted)
            connection.Close(TcpCloseReason.ServerStopping);
    }

    /// <summary>Closes every connection and waits for their loops to end; later arrivals are closed at once.</summary>
    public async Task CloseAllAsync()
    {
        TcpConnection[] open;
        lock (_gate)
        {
            _closed = true;
            open = [.. _connections];
        }
        await _sweeper.DisposeAsync().ConfigureAwait(false);
        foreach (var connection in open)
            connection.Close(TcpCloseReason.ServerStopping);
        await Task.WhenAll(open.Select(c => c.Completion)).ConfigureAwait(false);
    }

    public void Dispose() => _sweeper.Dispose();

    private void Remove(TcpConnection connection)
    {
        lock (_gate)
        {
            if (connection.TableIndex >= 0)
                RemoveAt(connection.TableIndex);
        }
    }

    private void Sweep()
    {
        List<TcpConnection>? expired = null;
        lock (_gate)
        {
            for (int i = _connections.Count - 1; i >= 0; i--)
            {
                if (_connections[i].MillisecondsWithoutProgress > _idleMilliseconds)
                    (expired ??= []).Add(RemoveAt(i));
            }
            if (_connections.Count == 0 && _sweeping && !_closed)
            {
                _sweeping = false;
                _sweeper.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }
        if (expired is null)
            return;
        foreach (var connection in expired)
            connection.Close(TcpCloseReason.IdleTimeout);
    }

    private int LeastRecentlyActive()
    {
        int oldest = 0;
        long oldestIdle = long.MinValue;
        for (int i = 0; i < _connections.Count; i++)
        {
            long idle = _connections[i].MillisecondsWithoutProgress;
            if (idle > oldestIdle)
            {
                oldest = i;
                oldestIdle = idle;
            }
        }
        return oldest;
    }

    /// <summary>Swap-removes the entry at <paramref name="index"/> (order does not matter). Caller holds the gate.</summary>
    private TcpConnection RemoveAt(int index)
    {
        var removed = _connections[index];
        int last = _connections.Count - 1;
        if (index != last)
        {
            _connections[index] = _connections[last];
            _connections[index].TableIndex = index;
        }
        _connections.RemoveAt(last);
        removed.TableIndex = -1;
        return removed;
    }
}
