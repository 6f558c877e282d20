using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Lookup;

/// <summary>How requests are screened and responses sized: opcodes, classes, EDNS, truncation, ANY.</summary>
public sealed class ProtocolRulesTests
{
    private const string BigZone = """
        $TTL 3600
        @    SOA ns hm 1 2 3 4 300
        @    NS  ns
        ns   A   192.0.2.1
        www  A   192.0.2.80
        www  TXT "web"
        big  TXT "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
        big  TXT "1123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
        big  TXT "2123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
        big  TXT "3123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
        big  TXT "4123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
        big  TXT "5123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
        big  TXT "6123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
        big  TXT "7123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
        """;

    private static readonly byte[] Question = [3, .. "www"u8, 7, .. "example"u8, 0, 0, 1, 0, 1];

    private static TestResponder Responder(ResponderOptions? options = null) => TestResponder.WithZone("example.", BigZone, options);

    private static byte[] Header(int questions = 1, int flags = 0, int additionals = 0) =>
        [0xAB, 0xCD, (byte)(flags >> 8), (byte)flags, 0, (byte)questions, 0, 0, 0, 0, 0, (byte)additionals];

    [Fact]
    public void Response_IsNotAnswered()
    {
        Assert.Empty(Responder().Exchange([.. Header(flags: 0x8000), .. Question]));
    }

    [Fact]
    public void MessageShorterThanAHeader_IsNotAnswered()
    {
        Assert.Empty(Responder().Exchange([0xAB, 0xCD, 0, 0, 0, 1]));
    }

    [Fact]
    public void UnreadableQuestion_GetsFormErr_WithoutAQuestion()
    {
        var response = DnsMessage.Parse(Responder().Exchange([.. Header(questions: 2), .. Question, .. Question]));

        Assert.Equal(DnsRcode.FormErr, response.Rcode);
        Assert.Equal(0xABCD, response.Id);
        Assert.Empty(response.Questions);
    }

    [Fact]
    public void MalformedAfterTheQuestion_GetsFormErr_EchoingTheQuestion()
    {
        var response = DnsMessage.Parse(Responder().Exchange([.. Header(additionals: 1), .. Question]));

        Assert.Equal(DnsRcode.FormErr, response.Rcode);
        Assert.Equal("www.example.", response.Question!.Name.ToString());
        Assert.Null(response.Edns);
    }

    [Theory]
    [InlineData(DnsOpcode.IQuery)]
    [InlineData(DnsOpcode.Status)]
    [InlineData(DnsOpcode.Notify)]
    [InlineData(DnsOpcode.Update)]
    [InlineData((DnsOpcode)15)]
    public void OpcodesOtherThanQuery_GetNotImp_WithoutAQuestion(DnsOpcode opcode)
    {
        byte[] request = [.. Header(flags: (int)opcode << 11), .. Question];

        var response = DnsMessage.Parse(Responder().Exchange(request));

        Assert.Equal(DnsRcode.NotImp, response.Rcode);
        Assert.Equal(opcode, response.Opcode);
        Assert.Empty(response.Questions);
    }

    [Fact]
    public void EdnsVersionAboveZero_GetsBadVers_AnsweredWithVersionZero()
    {
        var response = Responder().Ask("www.example.", RecordType.A, new Edns { Version = 1, DnssecOk = true });

        Assert.Equal(DnsRcode.BadVers, response.Rcode);
        Assert.Equal(0, response.Edns!.Version);
        Assert.True(response.Edns.DnssecOk);
        Assert.Empty(response.Answers);
    }

    [Theory]
    [InlineData(DnsClass.CH)]
    [InlineData(DnsClass.HS)]
    [InlineData(DnsClass.NONE)]
    [InlineData((DnsClass)0)]
    public void ClassesOtherThanInternetAndAny_AreRefused(DnsClass queryClass)
    {
        Assert.Equal(DnsRcode.Refused, Responder().Ask("www.example.", RecordType.A, queryClass: queryClass).Rcode);
    }

    [Fact]
    public void ClassAny_IsAnsweredFromTheInternetData_WithoutAa()
    {
        var response = Responder().Ask("www.example.", RecordType.A, queryClass: DnsClass.ANY);

        Assert.Equal(DnsRcode.NoError, response.Rcode);
        Assert.True((response.Flags & DnsHeaderFlags.AA) == 0);
        Assert.Single(response.Answers);
    }

    [Theory]
    [InlineData(RecordType.OPT)]
    [InlineData(RecordType.TSIG)]
    [InlineData(RecordType.TKEY)]
    [InlineData((RecordType)200)]
    public void MetaTypesInTheQuestion_GetFormErr(RecordType type)
    {
        Assert.Equal(DnsRcode.FormErr, Responder().Ask("www.example.", type).Rcode);
    }

    [Theory]
    [InlineData(RecordType.MAILA)]
    [InlineData(RecordType.MAILB)]
    public void MailaAndMailb_GetNotImp(RecordType type)
    {
        Assert.Equal(DnsRcode.NotImp, Responder().Ask("www.example.", type).Rcode);
    }

    [Theory]
    [InlineData(RecordType.AXFR, DnsTransport.Udp)]
    [InlineData(RecordType.AXFR, DnsTransport.Tcp)]
    [InlineData(RecordType.IXFR, DnsTransport.Udp)]
    [InlineData(RecordType.IXFR, DnsTransport.Tcp)]
    public void ZoneTransfers_GetNotImp_UntilTheTransferEngineServesThem(RecordType type, DnsTransport transport)
    {
        Assert.Equal(DnsRcode.NotImp, Responder().Ask("example.", type, transport: transport).Rcode);
    }

    [Fact]
    public void Udp_WhenTheAnswerDoesNotFit_SetsTc_WithEmptySections()
    {
        var response = Responder().Ask("big.example.", RecordType.TXT, new Edns { UdpPayloadSize = 512 });

        Assert.True((response.Flags & DnsHeaderFlags.TC) != 0);
        Assert.Equal(DnsRcode.NoError, response.Rcode);
        Assert.Empty(response.Answers);
        Assert.NotNull(response.Edns);
    }

    [Fact]
    public void Tcp_AnswersInFull()
    {
        var response = Responder().Ask("big.example.", RecordType.TXT, transport: DnsTransport.Tcp);

        Assert.True((response.Flags & DnsHeaderFlags.TC) == 0);
        Assert.Equal(8, response.Answers.Count);
    }

    [Fact]
    public void WithoutEdns_512OctetsApply()
    {
        var responder = Responder(new ResponderOptions { MaxUdpPayloadSize = 4096 });

        Assert.True((responder.Ask("big.example.", RecordType.TXT).Flags & DnsHeaderFlags.TC) != 0);
        Assert.True((responder.Ask("big.example.", RecordType.TXT, new Edns { UdpPayloadSize = 1232 }).Flags & DnsHeaderFlags.TC) == 0);
    }

    [Fact]
    public void EdnsPayloadSize_IsCappedByOurs()
    {
        var responder = Responder(new ResponderOptions { MaxUdpPayloadSize = 700 });
        byte[] request = DnsMessage.CreateQuery(DnsName.Parse("big.example."), RecordType.TXT, 1, new Edns { UdpPayloadSize = 4096 }).ToArray();

        byte[] response = responder.Exchange(request);

        Assert.True(response.Length <= 700);
        var message = DnsMessage.Parse(response);
        Assert.True((message.Flags & DnsHeaderFlags.TC) != 0);
        Assert.Equal(700, message.Edns!.UdpPayloadSize);
    }

    [Fact]
    public void Opt_AdvertisesOurPayloadSize_AndEchoesDo()
    {
        var response = Responder().Ask("www.example.", RecordType.A, new Edns { UdpPayloadSize = 4096, DnssecOk = true });

        Assert.Equal(1232, response.Edns!.UdpPayloadSize);
        Assert.True(response.Edns.DnssecOk);
    }

    [Fact]
    public void AdditionalDataThatDoesNotFit_IsLeftOut_WithoutTc()
    {
        var responder = UnitZones.Responder();

        var response = responder.Ask("x.bigdeleg.rich.example.", RecordType.A);
        var full = responder.Ask("x.bigdeleg.rich.example.", RecordType.A, transport: DnsTransport.Tcp);

        Assert.True((response.Flags & DnsHeaderFlags.TC) == 0);
        Assert.Equal(12, response.Authorities.Count);
        Assert.True(response.Additionals.Count < full.Additionals.Count);
        Assert.Contains(response.Additionals, r => r.Type == RecordType.A);
    }

    [Fact]
    public void AnyOverUdp_UnderTheMinimalPolicy_GivesOneRRset()
    {
        var response = Responder().Ask("www.example.", RecordType.ANY, new Edns());

        Assert.Single(response.Answers.Select(r => r.Type).Distinct());
    }

    [Fact]
    public void AnyOverTcp_GivesEveryRRset()
    {
        var response = Responder().Ask("www.example.", RecordType.ANY, new Edns(), DnsTransport.Tcp);

        Assert.Equal([RecordType.A, RecordType.TXT], response.Answers.Select(r => r.Type).Order());
    }

    [Fact]
    public void AnyUnderTheFullPolicy_GivesEveryRRsetOverUdp()
    {
        var response = Responder(new ResponderOptions { AnyPolicy = AnyPolicy.Full }).Ask("www.example.", RecordType.ANY, new Edns());

        Assert.Equal(2, response.Answers.Count);
    }

    [Fact]
    public void UnavailableZone_AnswersServFail()
    {
        var responder = Responder();
        responder.Zones.SetUnavailable(DnsName.Parse("example."));

        var response = responder.Ask("www.example.", RecordType.A);

        Assert.Equal(DnsRcode.ServFail, response.Rcode);
        Assert.Empty(response.Answers);
    }

    [Fact]
    public void RecursionDesired_IsCopied_AndRecursionAvailableIsNotSet()
    {
        var query = DnsMessage.CreateQuery(DnsName.Parse("www.example."), RecordType.A, 9, recursionDesired: true);

        var response = DnsMessage.Parse(Responder().Exchange(query.ToArray()));

        Assert.True((response.Flags & DnsHeaderFlags.RD) != 0);
        Assert.True((response.Flags & DnsHeaderFlags.RA) == 0);
    }
}
