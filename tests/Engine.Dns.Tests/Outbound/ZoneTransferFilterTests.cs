using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Tests.Server;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Outbound;

public sealed class ZoneTransferFilterTests
{
    [Theory]
    [InlineData(RecordType.AXFR, true)]
    [InlineData(RecordType.IXFR, true)]
    [InlineData(RecordType.SOA, false)]
    [InlineData(RecordType.A, false)]
    public void IsZoneTransfer_TellsTransfersByTheirType(RecordType type, bool expected)
    {
        Assert.Equal(expected, ZoneTransferFilter.IsZoneTransfer(ServerTestClient.Query("zone.example.", type)));
    }

    [Fact]
    public void IsZoneTransfer_OfAResponseOrANotify_IsFalse()
    {
        var response = ServerTestClient.Query("zone.example.", RecordType.AXFR);
        response[2] |= 0x80;
        var notify = DnsMessage.CreateQuery(DnsName.Parse("zone.example."), RecordType.AXFR, 1);
        notify.Opcode = DnsOpcode.Notify;

        Assert.False(ZoneTransferFilter.IsZoneTransfer(response));
        Assert.False(ZoneTransferFilter.IsZoneTransfer(notify.ToArray()));
    }

    [Fact]
    public void IsZoneTransfer_OfEveryTruncation_IsFalse_AndNeverThrows()
    {
        var request = ServerTestClient.Query("zone.example.", RecordType.AXFR);

        for (int length = 0; length < request.Length; length++)
            Assert.False(ZoneTransferFilter.IsZoneTransfer(request.AsSpan(0, length)), $"prefix of {length} octets");
        Assert.True(ZoneTransferFilter.IsZoneTransfer(request));
    }

    [Fact]
    public void IsZoneTransfer_WithACompressedQuestionName_IsFalse()
    {
        // header: ID 1, flags 0, QDCOUNT 1; question: a pointer (0xC00C) where a name belongs, type AXFR, class IN
        var request = Convert.FromHexString("0001" + "0000" + "0001" + "0000" + "0000" + "0000" + "C00C" + "00FC" + "0001");

        Assert.False(ZoneTransferFilter.IsZoneTransfer(request));
    }

    [Fact]
    public void IsSignedSoaQuery_TellsSignedSoaQueriesFromUnsignedOnesAndOtherTypes()
    {
        var key = Tests.Tsig.TestKey.For("hmac-sha256").ToKey();
        var signer = new SecondaryPortal.Dns.Tsig.TsigSigner(TimeProvider.System);
        var signedSoa = signer.SignRequest(DnsMessage.CreateQuery(DnsName.Parse("zone.example."), RecordType.SOA, 1, new Edns()), key, out _);
        var signedA = signer.SignRequest(DnsMessage.CreateQuery(DnsName.Parse("zone.example."), RecordType.A, 1), key, out _);
        var unsignedSoa = DnsMessage.CreateQuery(DnsName.Parse("zone.example."), RecordType.SOA, 1, new Edns()).ToArray();

        Assert.True(ZoneTransferFilter.IsSignedSoaQuery(signedSoa));
        Assert.False(ZoneTransferFilter.IsSignedSoaQuery(signedA));
        Assert.False(ZoneTransferFilter.IsSignedSoaQuery(unsignedSoa));
        Assert.False(ZoneTransferFilter.IsSignedSoaQuery(signedSoa.AsSpan(0, signedSoa.Length - 1)));
    }

    [Fact]
    public void Router_SendsTransfersToTheTransferHandler_AndTheRestToTheQueryHandler()
    {
        var queries = new ServerTestHandler();
        var transfers = new ServerTestHandler();
        var router = new DnsRequestRouter(queries, transfers: transfers);
        var buffer = new byte[512];
        var context = new DnsRequestContext(DnsTransport.Udp, new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 53).Serialize());

        router.Handle(ServerTestClient.Query("zone.example.", RecordType.IXFR), buffer, context);
        router.Handle(ServerTestClient.Query("zone.example.", RecordType.A), buffer, context);

        Assert.Equal(1, transfers.Calls);
        Assert.Equal(1, queries.Calls);
    }
}
