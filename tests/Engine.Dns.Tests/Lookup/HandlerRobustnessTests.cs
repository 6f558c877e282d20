using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Lookup;

/// <summary>Bad wire input reaches the handler straight from the network: it must answer or stay silent, never throw.</summary>
public sealed class HandlerRobustnessTests
{
    private static readonly TestResponder Responder = UnitZones.Responder();

    private static readonly byte[][] Seeds =
    [
        DnsMessage.CreateQuery(DnsName.Parse("www.rich.example."), RecordType.A, 1, new Edns { DnssecOk = true }).ToArray(),
        DnsMessage.CreateQuery(DnsName.Parse("a.nope.secure3.rich.example."), RecordType.MX, 2, new Edns { DnssecOk = true }).ToArray(),
        DnsMessage.CreateQuery(DnsName.Parse("x.dname.rich.example."), RecordType.A, 3).ToArray(),
    ];

    [Fact]
    public void EveryTruncationOfAQuery_GetsSilenceOrFormErr()
    {
        foreach (var seed in Seeds)
        {
            for (int length = 0; length < seed.Length; length++)
            {
                var response = Responder.Exchange(seed.AsSpan(0, length));
                if (length < DnsHeader.Size)
                    Assert.Empty(response);
                else
                    Assert.Equal((int)DnsRcode.FormErr, response[3] & 0xF);
            }
        }
    }

    [Fact]
    public void MutatedQueries_AreAnsweredWithWellFormedMessages_OrSilence()
    {
        var random = new Random(20261122);
        for (int i = 0; i < 30_000; i++)
        {
            var request = Seeds[i % Seeds.Length].ToArray();
            int flips = 1 + random.Next(4);
            for (int f = 0; f < flips; f++)
                request[random.Next(request.Length)] = (byte)random.Next(256);
            var transport = (i & 1) == 0 ? DnsTransport.Udp : DnsTransport.Tcp;

            var response = Responder.Exchange(request, transport);

            if (response.Length > 0)
                Assert.True(DnsMessage.TryParse(response, out _, out var error), $"mutation {i}: {error?.Message}\nrequest {Convert.ToHexString(request)}\nresponse {Convert.ToHexString(response)}");
        }
    }
}
