using System.Net;
using System.Net.Sockets;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Tests.Support.Peers;

/// <summary>
/// Sends a dynamic update (RFC 2136) built with our encoder: the zone in the question (zone) section, the records to add in
/// the authority (update) section. In-process, so a test can start its clock at the primary's reply, not at a tool's exit.
/// </summary>
public static class DnsUpdate
{
    /// <summary>Adds <paramref name="records"/> to <paramref name="zone"/> at <paramref name="primary"/>; returns when the primary has answered NOERROR.</summary>
    public static async Task AddAsync(IPEndPoint primary, DnsName zone, IEnumerable<DnsRecord> records, TsigKey? key = null)
    {
        var update = new DnsMessage { Id = (ushort)Random.Shared.Next(ushort.MaxValue), Opcode = DnsOpcode.Update };
        update.Questions.Add(new DnsQuestion(zone, RecordType.SOA));
        update.Authorities.AddRange(records);
        byte[] bytes = key is null ? update.ToArray() : new TsigSigner(TimeProvider.System).SignRequest(update, key, out _);
        using var udp = new UdpClient(AddressFamily.InterNetwork);
        await udp.SendAsync(bytes, primary);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var answer = DnsMessage.Parse((await udp.ReceiveAsync(cancel.Token)).Buffer);
        Assert.True(answer.Rcode == DnsRcode.NoError, $"the primary answered the update with {answer.Rcode}");
    }
}
