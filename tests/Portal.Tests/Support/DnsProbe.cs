using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Portal.Tests.Support;

/// <summary>Sends one query over UDP or TCP to a loopback endpoint and parses the answer.</summary>
public static class DnsProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static async Task<DnsMessage> QueryUdpAsync(IPEndPoint server, string name, RecordType type)
    {
        var query = DnsMessage.CreateQuery(DnsName.Parse(name), type, (ushort)Random.Shared.Next(ushort.MaxValue)).ToArray();
        using var client = new UdpClient(server.AddressFamily);
        await client.SendAsync(query, server);
        using var cancel = new CancellationTokenSource(Timeout);
        var received = await client.ReceiveAsync(cancel.Token);
        return DnsMessage.Parse(received.Buffer);
    }

    public static async Task<DnsMessage> QueryTcpAsync(IPEndPoint server, string name, RecordType type)
    {
        var query = DnsMessage.CreateQuery(DnsName.Parse(name), type, (ushort)Random.Shared.Next(ushort.MaxValue)).ToArray();
        using var cancel = new CancellationTokenSource(Timeout);
        using var client = new TcpClient(server.AddressFamily);
        await client.ConnectAsync(server, cancel.Token);
        var stream = client.GetStream();
        var framed = new byte[query.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)query.Length);
        query.CopyTo(framed, 2);
        await stream.WriteAsync(framed, cancel.Token);
        var length = new byte[2];
        await stream.ReadExactlyAsync(length, cancel.Token);
        var response = new byte[BinaryPrimitives.ReadUInt16BigEndian(length)];
        await stream.ReadExactlyAsync(response, cancel.Token);
        return DnsMessage.Parse(response);
    }
}
