using System.Net;
using System.Net.Sockets;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Outbound;

/// <summary>Sends a transfer request over TCP and reads the answer's messages as they come, every wait bounded.</summary>
internal static class RawTransfer
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>An AXFR or IXFR request; an IXFR carries <paramref name="clientSerial"/> in a SOA in its authority section (RFC 1995 §3).</summary>
    public static DnsMessage Request(DnsName zone, RecordType type, ushort id = 0x4242, uint? clientSerial = null, bool edns = false)
    {
        var request = DnsMessage.CreateQuery(zone, type, id, edns ? new Edns() : null);
        if (clientSerial is { } serial)
            request.Authorities.Add(new DnsRecord(zone, 0, new SoaData(DnsName.Parse("ns1", zone), DnsName.Parse("hostmaster", zone), serial, 1, 1, 1, 1)));
        return request;
    }

    /// <summary>
    /// Sends <paramref name="request"/> and reads messages (raw octets) until an error RCODE, or until the answer
    /// records hold <paramref name="soaCount"/> SOA records (2 ends an AXFR, 1 a lone-SOA answer).
    /// </summary>
    public static async Task<List<byte[]>> ExchangeAsync(IPEndPoint server, byte[] request, int soaCount = 2)
    {
        using var client = new TcpClient(server.AddressFamily);
        using var timeout = new CancellationTokenSource(Patience);
        await client.ConnectAsync(server, timeout.Token);
        var stream = client.GetStream();
        await TcpMessageFraming.WriteAsync(stream, request, timeout.Token);
        var messages = new List<byte[]>();
        int soas = 0;
        while (true)
        {
            var bytes = await TcpMessageFraming.ReadAsync(stream, timeout.Token) ?? throw new EndOfStreamException($"closed after {messages.Count} messages");
            messages.Add(bytes);
            var message = DnsMessage.Parse(bytes);
            soas += message.Answers.Count(r => r.Type == RecordType.SOA);
            if (message.Rcode != DnsRcode.NoError || soas >= soaCount)
                return messages;
        }
    }
}
