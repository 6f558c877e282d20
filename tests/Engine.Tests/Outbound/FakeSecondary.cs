using System.Net;
using System.Net.Sockets;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Tests.Outbound;

/// <summary>A UDP socket on loopback standing in for a secondary: it receives NOTIFY messages and answers them when told to.</summary>
internal sealed class FakeSecondary : IDisposable
{
    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));

    public IPEndPoint EndPoint => (IPEndPoint)_socket.Client.LocalEndPoint!;

    /// <summary>
    /// The next NOTIFY received within <paramref name="wait"/>, or null. Other datagrams are skipped: on a shared
    /// machine a stray one may reach a port that was someone else's a moment ago.
    /// </summary>
    public async Task<(DnsMessage Message, IPEndPoint From)?> ReceiveAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(timeout.Token);
                if (DnsMessage.TryParse(received.Buffer, out var message, out _) && message.Opcode == DnsOpcode.Notify && !message.IsResponse)
                    return (message, received.RemoteEndPoint);
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Acknowledges <paramref name="notify"/> (RFC 1996 §4.7: same ID and question, QR set).</summary>
    public async Task AcknowledgeAsync(DnsMessage notify, IPEndPoint to)
    {
        var response = new DnsMessage { Id = notify.Id, Opcode = DnsOpcode.Notify, Flags = DnsHeaderFlags.QR | DnsHeaderFlags.AA };
        response.Questions.AddRange(notify.Questions);
        await _socket.SendAsync(response.ToArray(), to);
    }

    /// <summary>The serial a NOTIFY announces in its answer section.</summary>
    public static uint? Serial(DnsMessage notify) => (notify.Answers.FirstOrDefault()?.Data as SoaData)?.Serial;

    public void Dispose() => _socket.Dispose();
}
