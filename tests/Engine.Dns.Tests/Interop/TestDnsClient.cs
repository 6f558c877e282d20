using System.Net;
using System.Net.Sockets;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Interop;

/// <summary>Sends messages built by our encoder to a server on loopback and returns the raw answers.</summary>
internal sealed class TestDnsClient(int port)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<byte[]> QueryUdpAsync(byte[] query)
    {
        using var udp = new UdpClient(AddressFamily.InterNetwork);
        udp.Connect(IPAddress.Loopback, port);
        await udp.SendAsync(query);
        using var cancel = new CancellationTokenSource(Timeout);
        var result = await udp.ReceiveAsync(cancel.Token);
        return result.Buffer;
    }

    /// <summary>Sends one message over TCP and reads answers until <paramref name="isLast"/> says the stream is complete.</summary>
    public async Task<List<byte[]>> ExchangeTcpAsync(byte[] request, Func<DnsMessage, int, bool> isLast)
    {
        using var tcp = new TcpClient(AddressFamily.InterNetwork);
        using var cancel = new CancellationTokenSource(Timeout);
        await tcp.ConnectAsync(IPAddress.Loopback, port, cancel.Token);
        var stream = tcp.GetStream();
        await TcpMessageFraming.WriteAsync(stream, request, cancel.Token);
        var answers = new List<byte[]>();
        while (true)
        {
            var bytes = await TcpMessageFraming.ReadAsync(stream, cancel.Token) ?? throw new EndOfStreamException("server closed the connection");
            answers.Add(bytes);
            if (isLast(DnsMessage.Parse(bytes), answers.Count))
                return answers;
        }
    }

    /// <summary>
    /// Runs a zone transfer and reads until it is complete: an AXFR (or AXFR-style IXFR) ends with the second
    /// SOA of the final serial (RFC 5936 §2.2); an incremental IXFR, whose second record is a SOA, ends with the
    /// third (the last diff's new SOA, then the closing one, RFC 1995 §4); a lone SOA means "up to date".
    /// </summary>
    public Task<List<byte[]>> TransferAsync(byte[] request)
    {
        uint? finalSerial = null;
        int finalSoaCount = 0, recordCount = 0;
        bool incremental = false;
        return ExchangeTcpAsync(request, (message, _) =>
        {
            if (message.Rcode != DnsRcode.NoError)
                return true;
            foreach (var record in message.Answers)
            {
                recordCount++;
                if (recordCount == 2 && record.Type == RecordType.SOA)
                    incremental = true;
                if (record.Data is not SoaData soa)
                    continue;
                finalSerial ??= soa.Serial;
                if (soa.Serial == finalSerial)
                    finalSoaCount++;
            }
            bool upToDate = recordCount == 1 && message.Questions[0].Type == RecordType.IXFR;
            return upToDate || finalSoaCount >= (incremental ? 3 : 2);
        });
    }
}
