using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Tests.Support;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Lookup;

/// <summary>The responder's hot path allocates nothing once warm (issue: no allocation per query).</summary>
public sealed class AllocationTests
{
    public static TheoryData<string, string, bool> Queries() => new()
    {
        { "positive answer", "www.rich.example. A", false },
        { "positive answer, mixed case", "WWW.Rich.Example. AAAA", false },
        { "NXDOMAIN", "nope.rich.example. A", false },
        { "NODATA", "www.rich.example. MX", false },
        { "referral with glue", "host.deleg.rich.example. A", false },
        { "CNAME chain", "chain1.rich.example. A", false },
        { "DNAME substitution", "x.dname.rich.example. A", false },
        { "wildcard", "host.wild.rich.example. TXT", false },
        { "MX with additional addresses", "mx-host.rich.example. MX", false },
        { "truncated", "big.rich.example. TXT", false },
        { "REFUSED", "www.outside.test. A", false },
        { "signed answer with DO", "www.secure.rich.example. A", true },
        { "NSEC NXDOMAIN with DO", "nope.secure.rich.example. A", true },
        { "NSEC3 NXDOMAIN with DO", "nope.secure3.rich.example. A", true },
        { "NSEC3 wildcard with DO", "a.wild.secure3.rich.example. A", true },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Handle_AfterWarmUp_AllocatesNothing(string what, string question, bool dnssecOk)
    {
        var responder = UnitZones.Responder(singleStripe: true);
        var parts = question.Split(' ');
        Assert.True(RecordTypeNames.TryParse(parts[1], out var type));
        byte[] request = DnsMessage.CreateQuery(DnsName.Parse(parts[0]), type, 7, new Edns { UdpPayloadSize = 1232, DnssecOk = dnssecOk }).ToArray();
        var response = new byte[ushort.MaxValue];
        var context = new DnsRequestContext(DnsTransport.Udp, new System.Net.SocketAddress(System.Net.Sockets.AddressFamily.InterNetwork));
        int length = 0;
        for (int i = 0; i < 100; i++)
            length = responder.Handler.Handle(request, response, context);
        Assert.True(length > 0, what);

        long allocated = Allocations.OnThisThread(() =>
        {
            for (int i = 0; i < 1000; i++)
                responder.Handler.Handle(request, response, context);
        });

        Assert.True(allocated == 0, $"{what}: {allocated} bytes allocated for 1000 queries");
    }
}
