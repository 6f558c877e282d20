using System.Net;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Messages;

/// <summary>A transfer message decoded without its answers: the rest as usual, the answers checked for structure and located.</summary>
public sealed class SkippingAnswersTests
{
    private static readonly DnsName Zone = DnsName.Parse("example.com.");

    private static DnsMessage Response(params DnsRecord[] answers)
    {
        var message = new DnsMessage { Id = 7, Flags = DnsHeaderFlags.QR | DnsHeaderFlags.AA };
        message.Questions.Add(new DnsQuestion(Zone, RecordType.AXFR));
        message.Answers.AddRange(answers);
        message.Additionals.Add(new DnsRecord(DnsName.Parse("glue.example.com."), 60, new AData(IPAddress.Parse("192.0.2.9"))));
        return message;
    }

    private static DnsRecord A(string owner) => new(DnsName.Parse(owner), 300, new AData(IPAddress.Parse("192.0.2.1")));

    [Fact]
    public void TryParseSkippingAnswers_LeavesTheAnswersOut_AndSaysWhereTheyAre()
    {
        var bytes = Response(A("a.example.com."), A("b.example.com."), new DnsRecord(Zone, 300, new MxData(10, DnsName.Parse("a.example.com.")))).ToArray();

        Assert.True(DnsMessage.TryParseSkippingAnswers(bytes, out var message, out var answers, out _));

        Assert.Empty(message.Answers);
        Assert.Equal(3, answers.Count);
        Assert.Equal(DnsName.Parse("glue.example.com."), Assert.Single(message.Additionals).Name);
        var reader = new DnsReader(bytes, answers.Offset);
        var read = new List<DnsRecord>();
        for (int i = 0; i < answers.Count; i++)
            read.Add(DnsRecord.Read(ref reader));
        Assert.Equal(DnsMessage.Parse(bytes).Answers, read);
    }

    [Fact]
    public void TryParseSkippingAnswers_WhenAnAnswerRunsPastTheMessage_FailsAsTryParseDoes()
    {
        var message = Response(A("a.example.com."));
        message.Additionals.Clear();
        var bytes = message.ToArray();
        var cut = bytes[..^2]; // the message now ends inside the answer's RDATA

        Assert.False(DnsMessage.TryParseSkippingAnswers(cut, out _, out _, out var error));

        Assert.False(DnsMessage.TryParse(cut, out _, out var parseError));
        Assert.Equal(DnsFormatError.Truncated, error.Error);
        Assert.Equal(parseError.Error, error.Error);
    }

    [Fact]
    public void TryParseSkippingAnswers_WhenAnOptRecordIsAmongTheAnswers_Fails()
    {
        var message = Response(A("a.example.com."));
        message.Answers.Add(new DnsRecord(DnsName.Root, 0, new OptData([])));

        Assert.False(DnsMessage.TryParseSkippingAnswers(message.ToArray(), out _, out _, out var error));

        Assert.Equal(DnsFormatError.BadSection, error.Error);
    }

    [Fact]
    public void TryParseSkippingAnswers_WhenAnAnswerNameHasAReservedLabelType_Fails()
    {
        var bytes = Response(A("a.example.com.")).ToArray();
        int answerStart = DnsHeader.Size + Zone.WireLength + 4;
        bytes[answerStart] = 0x41; // label type 01: reserved (RFC 6891 §5)

        Assert.False(DnsMessage.TryParseSkippingAnswers(bytes, out _, out _, out var error));

        Assert.Equal(DnsFormatError.BadLabelType, error.Error);
    }
}
