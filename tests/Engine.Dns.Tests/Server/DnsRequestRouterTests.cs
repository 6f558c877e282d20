using System.Net;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Server;

public sealed class DnsRequestRouterTests
{
    private static readonly DnsRequestContext Context = new(DnsTransport.Udp, new IPEndPoint(IPAddress.Loopback, 53).Serialize());

    [Fact]
    public void Notify_GoesToTheNotifyHandler_AndQueriesToTheQueryHandler()
    {
        var queries = new MarkingHandler(1);
        var notifies = new MarkingHandler(2);
        var router = new DnsRequestRouter(queries, notifies);
        var query = DnsMessage.CreateQuery(DnsName.Parse("example."), RecordType.SOA, 1);
        var notify = DnsMessage.CreateQuery(DnsName.Parse("example."), RecordType.SOA, 2);
        notify.Opcode = DnsOpcode.Notify;

        Assert.Equal(1, router.Handle(query.ToArray(), new byte[512], Context));
        Assert.Equal(2, router.Handle(notify.ToArray(), new byte[512], Context));
    }

    [Fact]
    public void Notify_WithoutANotifyHandler_GoesToTheQueryHandler()
    {
        var notify = DnsMessage.CreateQuery(DnsName.Parse("example."), RecordType.SOA, 2);
        notify.Opcode = DnsOpcode.Notify;
        Assert.Equal(1, new DnsRequestRouter(new MarkingHandler(1)).Handle(notify.ToArray(), new byte[512], Context));
    }

    private sealed class MarkingHandler(int mark) : IDnsRequestHandler
    {
        public int Handle(ReadOnlySpan<byte> request, Span<byte> response, in DnsRequestContext context) => mark;
    }
}
