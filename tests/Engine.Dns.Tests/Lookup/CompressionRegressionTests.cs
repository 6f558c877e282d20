using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Lookup;

/// <summary>
/// Found by <see cref="HandlerRobustnessTests"/>: a name whose last labels repeat ("x.x.") was compressed
/// against the part of itself not yet written, giving a pointer loop. Kept here, next to the fuzz test.
/// </summary>
public sealed class CompressionRegressionTests
{
    [Theory]
    [InlineData("x.x.")]
    [InlineData("com.com.")]
    [InlineData("a.b.b.")]
    public void WriteName_OfANameRepeatingItsLastLabel_StaysReadable(string text)
    {
        var name = DnsName.Parse(text);
        var buffer = new byte[64]; // zeros past the write position look like a root label
        var writer = new DnsWriter(buffer);

        writer.WriteName(name);

        var reader = new DnsReader(buffer.AsSpan(0, writer.Position));
        Assert.Equal(name, reader.ReadName());
    }

    [Fact]
    public void Responder_EchoesAQuestionRepeatingItsLastLabel()
    {
        var responder = TestResponder.WithZone("x.", "$TTL 60\n@ SOA ns hm 1 2 3 4 5\n@ NS ns\nns A 192.0.2.1\nx A 192.0.2.2\n");

        var answer = responder.Ask("x.x.", RecordType.A);

        Assert.Equal("x.x.", answer.Question!.Name.ToString());
        Assert.Equal(["x.x. 60 A 192.0.2.2"], ResponseText.Lines(answer.Answers));
    }
}
