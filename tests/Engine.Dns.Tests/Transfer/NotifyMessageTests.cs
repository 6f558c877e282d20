using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Transfer;

/// <summary>NOTIFY requests and responses on the wire (RFC 1996 §3.7, §4.7).</summary>
public sealed class NotifyMessageTests
{
    private static readonly DnsName Example = DnsName.Parse("example.");

    private static readonly byte[] RequestWithSoa = Convert.FromHexString(
        "BEEF" +                         // ID
        "2400" +                         // QR 0, opcode 4 (NOTIFY), AA 1, rcode 0
        "0001" + "0001" + "0000" + "0000" + // one question, one answer
        "076578616D706C6500" +           // QNAME example.
        "0006" + "0001" +                // QTYPE SOA, QCLASS IN
        "C00C" +                         // answer owner: pointer to example.
        "0006" + "0001" + "00000E10" +   // SOA IN, TTL 3600
        "001A" +                         // RDLENGTH 26
        "026E73C00C" + "00" +            // MNAME ns.example., RNAME . (root)
        "0000002A" +                     // serial 42
        "00001C20" + "00000384" + "00127500" + "0000012C"); // refresh, retry, expire, minimum

    [Fact]
    public void CreateRequest_WritesOpcodeNotify_AaSet_TheZoneSoaQuestion_AndTheSoaHint()
    {
        var soa = new DnsRecord(Example, 3600, new SoaData(DnsName.Parse("ns.example."), DnsName.Root, 42, 7200, 900, 1209600, 300));

        var bytes = NotifyMessage.CreateRequest(Example, 0xBEEF, soa).ToArray();

        Assert.Equal(Convert.ToHexString(RequestWithSoa), Convert.ToHexString(bytes));
    }

    [Fact]
    public void CreateRequest_WithoutAHint_HasNoAnswer()
    {
        var bytes = NotifyMessage.CreateRequest(Example, 0x0102).ToArray();

        Assert.Equal("0102" + "2400" + "0001000000000000" + "076578616D706C6500" + "00060001", Convert.ToHexString(bytes));
    }

    [Fact]
    public void CreateRequest_RejectsAHintThatIsNotTheZonesSoa()
    {
        var otherOwner = new DnsRecord(DnsName.Parse("other."), 3600, FakeZone.SoaData(1));
        Assert.Throws<ArgumentException>(() => NotifyMessage.CreateRequest(Example, 1, otherOwner));
    }

    [Fact]
    public void TryRead_ANotifyWithASoa_GivesTheZoneAndTheSerial()
    {
        var status = NotifyRequest.TryRead(RequestWithSoa, out var request);

        Assert.Equal(NotifyRequestStatus.Ok, status);
        Assert.Equal(Example, request.Zone);
        Assert.Equal(42u, request.Serial);
        Assert.Equal(0xBEEF, request.Id);
        Assert.False(request.IsSigned);
    }

    [Fact]
    public void TryRead_ANotifyWithoutAnswer_HasNoSerial()
    {
        Assert.Equal(NotifyRequestStatus.Ok, NotifyRequest.TryRead(NotifyMessage.CreateRequest(Example, 7).ToArray(), out var request));
        Assert.Null(request.Serial);
        Assert.Equal(Example, request.Zone);
    }

    [Fact]
    public void TryRead_ASoaOfAnotherOwnerInTheAnswer_IsNoSerial()
    {
        var message = NotifyMessage.CreateRequest(Example, 7);
        message.Answers.Add(new DnsRecord(DnsName.Parse("other."), 60, FakeZone.SoaData(5)));

        Assert.Equal(NotifyRequestStatus.Ok, NotifyRequest.TryRead(message.ToArray(), out var request));
        Assert.Null(request.Serial);
    }

    [Theory]
    [InlineData("0002", "0001", "0004", "NotNotify")]     // opcode QUERY: someone else's business
    [InlineData("A400", "0001", "0006", "Ignore")]        // a response: never answered
    [InlineData("2400", "0000", "0006", "FormatError")]   // no question
    [InlineData("2400", "0002", "0006", "FormatError")]   // two questions (only one is written: the count lies)
    [InlineData("2400", "0001", "0001", "NotImplemented")] // QTYPE A
    public void TryRead_TellsWhatIsWrong(string flags, string questionCount, string qtype, string expected)
    {
        var bytes = Convert.FromHexString("0001" + flags + questionCount + "000000000000" + "076578616D706C6500" + qtype + "0001");

        Assert.Equal(Enum.Parse<NotifyRequestStatus>(expected), NotifyRequest.TryRead(bytes, out _));
    }

    [Fact]
    public void TryRead_EveryTruncation_IsRejectedWithoutThrowing()
    {
        for (int length = 0; length < RequestWithSoa.Length; length++)
        {
            var status = NotifyRequest.TryRead(RequestWithSoa.AsSpan(0, length), out _);
            Assert.True(status == (length < DnsHeader.Size ? NotifyRequestStatus.Ignore : NotifyRequestStatus.FormatError), $"length {length}: {status}");
        }
    }

    [Fact]
    public void WriteResponse_EchoesIdAndQuestionWithItsCase_SetsQrAndAa_AndHasNoRecords()
    {
        var request = Convert.FromHexString("ABCD" + "2400" + "0001000000000000" + "074578416D506C6500" + "00060001"); // "ExAmPle."
        Assert.Equal(NotifyRequestStatus.Ok, NotifyRequest.TryRead(request, out var notify));
        var buffer = new byte[512];

        int length = NotifyMessage.WriteResponse(notify.Query, request, buffer, DnsRcode.NoError);

        Assert.Equal(
            "ABCD" +                 // same ID
            "A400" +                 // QR 1, opcode NOTIFY, AA 1, NOERROR
            "0001000000000000" +     // the question only (RFC 1996 §4.7)
            "074578416D506C6500" + "00060001",
            Convert.ToHexString(buffer, 0, length));
    }

    [Fact]
    public void WriteResponse_ToARequestWithEdns_AddsOpt_AndCarriesTheRcode()
    {
        var message = NotifyMessage.CreateRequest(Example, 9);
        message.Edns = new Edns();
        var request = message.ToArray();
        NotifyRequest.TryRead(request, out var notify);
        var buffer = new byte[512];

        int length = NotifyMessage.WriteResponse(notify.Query, request, buffer, DnsRcode.Refused);

        var response = DnsMessage.Parse(buffer.AsSpan(0, length));
        Assert.Equal(DnsRcode.Refused, response.Rcode);
        Assert.Equal(DnsOpcode.Notify, response.Opcode);
        Assert.NotNull(response.Edns);
        Assert.Empty(response.Answers);
    }

    [Fact]
    public void WriteResponse_IntoABufferTooSmall_ReturnsZero()
    {
        var request = NotifyMessage.CreateRequest(Example, 9).ToArray();
        NotifyRequest.TryRead(request, out var notify);

        Assert.Equal(0, NotifyMessage.WriteResponse(notify.Query, request, new byte[20], DnsRcode.NoError));
    }

    [Fact]
    public void ASignedNotify_IsVerified_AndItsResponseSignedAsTheSenderExpects()
    {
        var key = TsigKey.Create("notify-key.", "hmac-sha256", "bm90aWZ5IGtleSBzZWNyZXQgZm9yIHRoZSB0ZXN0cw==");
        var signer = new TsigSigner(TimeProvider.System);
        var request = signer.SignRequest(NotifyMessage.CreateRequest(Example, 0x4444), key, out var signedRequest);

        Assert.Equal(NotifyRequestStatus.Ok, NotifyRequest.TryRead(request, out var notify));
        Assert.True(notify.IsSigned);
        var verifier = new TsigVerifier(TimeProvider.System);
        var verification = verifier.VerifyRequest(request, DnsMessage.Parse(request), new TsigKeyring([key]));
        Assert.True(verification.IsOk, verification.ToString());
        var buffer = new byte[512];
        int length = NotifyMessage.WriteResponse(notify.Query, request, buffer, DnsRcode.NoError);
        Assert.True(signer.TrySignResponse(buffer, length, verification, out int signedLength));

        var response = buffer[..signedLength];
        Assert.True(verifier.VerifyResponse(response, DnsMessage.Parse(response), signedRequest).IsOk);
    }
}
