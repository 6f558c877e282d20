using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.ZoneFiles;

namespace SecondaryPortal.Dns.Tests.ZoneFiles;

public sealed class ZoneFileLexerTests
{
    private static List<ZoneFileLine> Lines(string text)
    {
        var lexer = new ZoneFileLexer(new StringReader(text), "test.zone");
        var lines = new List<ZoneFileLine>();
        while (lexer.ReadLine() is { } line)
            lines.Add(line);
        return lines;
    }

    private static ZoneFileException Failure(string text) =>
        Assert.Throws<ZoneFileException>(() => Lines(text));

    [Fact]
    public void ReadLine_SplitsWordsAtBlanksAndTabs_WithLineAndColumn()
    {
        var line = Assert.Single(Lines("www\t300  IN A 192.0.2.1\n"));

        Assert.Equal(
            [
                new PresentationToken("www", false, 1, 1),
                new PresentationToken("300", false, 1, 5),
                new PresentationToken("IN", false, 1, 10),
                new PresentationToken("A", false, 1, 13),
                new PresentationToken("192.0.2.1", false, 1, 15),
            ],
            line.Tokens);
        Assert.False(line.StartsWithBlank);
    }

    [Fact]
    public void ReadLine_WhenLineStartsWithBlank_SaysTheOwnerIsOmitted()
    {
        var lines = Lines("a A 192.0.2.1\n A 192.0.2.2\n\tA 192.0.2.3\n");

        Assert.Equal([false, true, true], lines.Select(l => l.StartsWithBlank));
        Assert.Equal(new PresentationToken("A", false, 3, 2), lines[2].Tokens[0]);
    }

    [Fact]
    public void ReadLine_SkipsCommentsAndEmptyLines()
    {
        var lines = Lines("; header\n\n   \n   ; indented comment\na A 192.0.2.1 ; trailing\n");

        var line = Assert.Single(lines);
        Assert.Equal(["a", "A", "192.0.2.1"], line.Tokens.Select(t => t.Text));
        Assert.Equal(5, line.Line);
        Assert.False(line.StartsWithBlank);
    }

    [Fact]
    public void ReadLine_JoinsLinesInsideParentheses_AndIgnoresCommentsInThem()
    {
        var lines = Lines("@ SOA ns host ( 1 ; serial\n  2 ; refresh\n  3 4\n  5 )\nnext A 192.0.2.1\n");

        Assert.Equal(2, lines.Count);
        Assert.Equal(["@", "SOA", "ns", "host", "1", "2", "3", "4", "5"], lines[0].Tokens.Select(t => t.Text));
        Assert.Equal(new PresentationToken("5", false, 4, 3), lines[0].Tokens[^1]);
        Assert.Equal(5, lines[1].Line);
    }

    [Fact]
    public void ReadLine_AllowsNestedParentheses_AsBindDoes()
    {
        var line = Assert.Single(Lines("a TXT ( x ( y\n ) z )\n"));

        Assert.Equal(["a", "TXT", "x", "y", "z"], line.Tokens.Select(t => t.Text));
    }

    [Fact]
    public void ReadLine_WhenContinuationLineStartsWithBlank_KeepsTheFirstLinesOwnerFlag()
    {
        var lines = Lines("a TXT (\n b )\n  TXT c\n");

        Assert.Equal([false, true], lines.Select(l => l.StartsWithBlank));
    }

    [Fact]
    public void ReadLine_KeepsQuotedStringsWhole_WithoutQuotes_AndEscapesRaw()
    {
        var line = Assert.Single(Lines("a TXT \"two words\" \"semi; (paren)\" \"say \\\"hi\\\"\" \"\"\n"));

        Assert.Equal(
            [
                new PresentationToken("two words", true, 1, 7),
                new PresentationToken("semi; (paren)", true, 1, 19),
                new PresentationToken("say \\\"hi\\\"", true, 1, 35),
                new PresentationToken("", true, 1, 48),
            ],
            line.Tokens.Skip(2));
    }

    [Fact]
    public void ReadLine_KeepsEscapedBlanksSemicolonsAndParenthesesInsideWords()
    {
        var line = Assert.Single(Lines("a\\ b TXT x\\;y \\(z\\) \\065\\\\\n"));

        Assert.Equal(["a\\ b", "TXT", "x\\;y", "\\(z\\)", "\\065\\\\"], line.Tokens.Select(t => t.Text));
        Assert.All(line.Tokens, t => Assert.False(t.Quoted));
    }

    [Fact]
    public void ReadLine_WhenQuoteFollowsAWord_StartsANewToken_AsBindDoes()
    {
        var line = Assert.Single(Lines("a TXT x\"y\"z\n"));

        Assert.Equal([("x", false), ("y", true), ("z", false)], line.Tokens.Skip(2).Select(t => (t.Text, t.Quoted)));
    }

    [Fact]
    public void ReadLine_HandlesCrLfLineEnds()
    {
        var lines = Lines("a A 192.0.2.1\r\nb A 192.0.2.2\r\n");

        Assert.Equal(["192.0.2.1", "192.0.2.2"], lines.Select(l => l.Tokens[^1].Text));
    }

    [Fact]
    public void ReadLine_WhenParenthesisIsNeverClosed_FailsAtTheOpeningParenthesis()
    {
        var error = Failure("a A 192.0.2.1\nb TXT ( x\n y\n");

        Assert.Equal((2, 7), (error.Line, error.Column));
        Assert.Contains("never closed", error.Reason);
        Assert.Equal("test.zone", error.FileName);
    }

    [Fact]
    public void ReadLine_WhenClosingParenthesisHasNoOpening_FailsAtIt()
    {
        var error = Failure("a TXT x ) y\n");

        Assert.Equal((1, 9), (error.Line, error.Column));
        Assert.Contains("')'", error.Reason);
    }

    [Fact]
    public void ReadLine_WhenQuotedStringRunsToTheEndOfTheLine_FailsAtTheQuote()
    {
        var error = Failure("a TXT ( \"multi\nline\" )\n");

        Assert.Equal((1, 9), (error.Line, error.Column));
        Assert.Contains("quoted string", error.Reason);
    }

    [Fact]
    public void ReadLine_WhenEscapedQuoteLeavesTheStringOpen_Fails()
    {
        var error = Failure("a TXT \"abc\\\"\n");

        Assert.Equal((1, 7), (error.Line, error.Column));
    }

    [Fact]
    public void ReadLine_WhenBackslashEndsTheLine_FailsAtIt()
    {
        var error = Failure("a TXT foo\\\nbar\n");

        Assert.Equal((1, 10), (error.Line, error.Column));
        Assert.Contains("escapes nothing", error.Reason);
    }

    [Theory]
    [InlineData("a TXT \\256\n", 7)]
    [InlineData("a TXT x\\12\n", 8)]
    [InlineData("a TXT \"\\1x2\"\n", 8)]
    public void ReadLine_WhenDecimalEscapeIsMalformed_FailsAtTheBackslash(string text, int column)
    {
        var error = Failure(text);

        Assert.Equal((1, column), (error.Line, error.Column));
        Assert.Contains("three digits", error.Reason);
    }

    [Fact]
    public void ReadLine_IgnoresAByteOrderMarkAtTheStart()
    {
        var line = Assert.Single(Lines("\uFEFFa A 192.0.2.1\n"));

        Assert.Equal(new PresentationToken("a", false, 1, 1), line.Tokens[0]);
    }

    [Fact]
    public void ReadLine_AtTheEnd_ReturnsNull()
    {
        var lexer = new ZoneFileLexer(new StringReader("; nothing\n"), "x");

        Assert.Null(lexer.ReadLine());
        Assert.Null(lexer.ReadLine());
    }

    [Fact]
    public void Tokenize_SplitsOneLineOfText()
    {
        var tokens = ZoneFileLexer.Tokenize("10 \"a b\" c\\ d");

        Assert.Equal([("10", false), ("a b", true), ("c\\ d", false)], tokens.Select(t => (t.Text, t.Quoted)));
    }
}
