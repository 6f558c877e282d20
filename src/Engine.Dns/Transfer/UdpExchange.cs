using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace SecondaryPortal.Dns.Transfer;

/// <summary>Decides what a received datagram means: true ends the exchange, false ignores it and keeps waiting.</summary>
internal delegate bool DatagramHandler(ReadOnlySpan<byte> datagram);

/// <summary>How a UDP exchange ended.</summary>
internal enum UdpExchangeStatus
{
    /// <summary>The handler accepted a datagram.</summary>
    Answered,

    /// <summary>Every attempt went unanswered (or only ignored datagrams came).</summary>
    TimedOut,

    /// <summary>The socket failed: ICMP port unreachable, no route ...</summary>
    NetworkError,
}

/// <summary>
/// Sends one request over UDP and waits for an answer the handler accepts, sending the same datagram again after
/// each attempt's timeout (RFC 1035 §4.2.1, RFC 1996 §3.6). The socket is connected to the server, so the kernel
/// drops datagrams from any other address or port (RFC 5452 §9.1); one receive stays pending across attempts, so a
/// late answer to an earlier attempt still counts.
/// </summary>
internal static class UdpExchange
{
    public static async Task<(UdpExchangeStatus Status, int Attempts, string? Error, SocketError? SocketError)> RunAsync(IPEndPoint server, ReadOnlyMemory<byte> request,
        IReadOnlyList<TimeSpan> attemptTimeouts, DatagramHandler handler, TimeProvider time, CancellationToken cancellationToken)
    {
        using var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent(ushort.MaxValue);
        Task<int>? receive = null;
        int attempts = 0;
        try
        {
            await socket.ConnectAsync(server, cancellationToken).ConfigureAwait(false);
            foreach (var timeout in attemptTimeouts)
            {
                attempts++;
                await socket.SendAsync(request, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                var delay = Task.Delay(timeout, time, stop.Token);
                while (true)
                {
                    receive ??= socket.ReceiveAsync(buffer, SocketFlags.None, stop.Token).AsTask();
                    if (await Task.WhenAny(receive, delay).ConfigureAwait(false) == delay)
                        break;
                    int length = await receive.ConfigureAwait(false);
                    receive = null;
                    if (handler(buffer.AsSpan(0, length)))
                        return (UdpExchangeStatus.Answered, attempts, null, null);
                }
                cancellationToken.ThrowIfCancellationRequested();
            }
            return (UdpExchangeStatus.TimedOut, attempts, null, null);
        }
        catch (SocketException e)
        {
            receive = null;
            return (UdpExchangeStatus.NetworkError, attempts, Describe(e, server), e.SocketErrorCode);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            if (receive is not null)
            {
                try
                {
                    await receive.ConfigureAwait(false);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    // The pending receive ends with the exchange.
                }
            }
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A socket error in plain words.</summary>
    public static string Describe(SocketException e, IPEndPoint server) => e.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => $"{server} refused the connection: nothing listens on that port (ICMP port unreachable or TCP reset)",
        SocketError.ConnectionReset => $"{server} reset the connection",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => $"{server} is unreachable ({e.SocketErrorCode})",
        _ => $"network error with {server}: {e.SocketErrorCode} ({e.Message})",
    };
}
