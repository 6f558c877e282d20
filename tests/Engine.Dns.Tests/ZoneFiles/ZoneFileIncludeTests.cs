using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneFiles;

namespace SecondaryPortal.Dns.Tests.ZoneFiles;

public sealed class ZoneFileIncludeTests : IDisposable
{
    private static readonly DnsName Origin = DnsName.Parse("example.");

    private const string Apex = "$TTL 100\n@ IN SOA ns h 1 2 3 4 5\n  NS ns\nns A 192.0.2.53\n";

    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private static ZoneFileException Failure(string path) =>
        Assert.Throws<ZoneFileException>(() => ZoneFileParser.LoadFile(path, Origin));

    [Fact]
    public void Include_ReadsTheFileWhereTheDirectiveStands_WithTheCurrentOrigin()
    {
        _folder.Write("part.inc", "included A 192.0.2.2\n");
        string zone = _folder.Write("zone", Apex + "before A 192.0.2.1\n$INCLUDE part.inc\nafter A 192.0.2.3\n");

        var records = ZoneFileParser.LoadFile(zone, Origin);

        Assert.Equal(["before.example.", "included.example.", "after.example."], records.Skip(3).Select(r => r.Name.ToString()));
    }

    [Fact]
    public void Include_WithOrigin_RestoresOriginAndOwnerAfterwards_ButKeepsTtl_AsBindDoes()
    {
        _folder.Write("sub.inc", "  TXT \"inherited\"\n$TTL 50\nw A 192.0.2.5\n$ORIGIN other.example.\nz A 192.0.2.6\n");
        string zone = _folder.Write("zone", Apex + "x A 192.0.2.2\n$INCLUDE \"sub.inc\" sub\n  AAAA 2001:db8::3\ny A 192.0.2.4\n");

        var records = ZoneFileParser.LoadFile(zone, Origin);

        var tail = records.Skip(4).Select(r => (r.Name.ToString(), r.Ttl, r.Data.ToString())).ToList();
        Assert.Equal(
            [
                ("x.example.", 100u, "\"inherited\""),
                ("w.sub.example.", 50u, "192.0.2.5"),
                ("z.other.example.", 50u, "192.0.2.6"),
                ("x.example.", 50u, "2001:db8::3"),
                ("y.example.", 50u, "192.0.2.4"),
            ],
            tail);
        BindTools.AssertSameRecordSet(BindTools.Compile(zone, Origin), records);
    }

    [Fact]
    public void Include_Nested_PathsAreRelativeToTheTopFilesFolder()
    {
        _folder.Write("parts/one.inc", "one A 192.0.2.1\n$INCLUDE parts/deeper/two.inc\n");
        _folder.Write("parts/deeper/two.inc", "two A 192.0.2.2\n$INCLUDE parts/../three.inc\n");
        _folder.Write("three.inc", "three A 192.0.2.3\n");
        string zone = _folder.Write("zone", Apex + "$INCLUDE parts/one.inc\n");

        var records = ZoneFileParser.LoadFile(zone, Origin);

        Assert.Equal(["one.example.", "two.example.", "three.example."], records.Skip(3).Select(r => r.Name.ToString()));
        BindTools.AssertSameRecordSet(BindTools.Compile(zone, Origin), records);
    }

    [Fact]
    public void Include_AbsolutePathInsideTheFolder_IsRead()
    {
        string part = _folder.Write("part.inc", "p A 192.0.2.1\n");
        string zone = _folder.Write("zone", Apex + $"$INCLUDE {part}\n");

        Assert.Contains(ZoneFileParser.LoadFile(zone, Origin), r => r.Name == DnsName.Parse("p.example."));
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../outside.zone")]
    [InlineData("sub/../../outside.zone")]
    [InlineData("./sub/../..")]
    public void Include_PathOutsideTheFolder_IsRefused_AtTheFileName(string argument)
    {
        using var parent = new TempDirectory();
        string zone = parent.Write("zones/zone", Apex + $"$INCLUDE {argument}\n");
        parent.Write("outside.zone", "secret A 192.0.2.66\n");

        var error = Failure(zone);

        Assert.Equal((5, 10), (error.Line, error.Column));
        Assert.Contains("outside the zone's folder", error.Reason);
        Assert.Equal(zone, error.FileName);
    }

    [Fact]
    public void Include_SymbolicLinkLeadingOutside_IsRefused()
    {
        using var outside = new TempDirectory();
        string secret = outside.Write("secret.zone", "secret A 192.0.2.66\n");
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "link.inc"), secret);
        Directory.CreateSymbolicLink(Path.Combine(_folder.Path, "linkdir"), outside.Path);
        string viaFile = _folder.Write("zone1", Apex + "$INCLUDE link.inc\n");
        string viaFolder = _folder.Write("zone2", Apex + "$INCLUDE linkdir/secret.zone\n");

        Assert.Contains("symbolic link", Failure(viaFile).Reason);
        Assert.Contains("symbolic link", Failure(viaFolder).Reason);
    }

    [Fact]
    public void Include_SymbolicLinkStayingInside_IsRead()
    {
        string target = _folder.Write("real/part.inc", "p A 192.0.2.1\n");
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "alias.inc"), target);
        string zone = _folder.Write("zone", Apex + "$INCLUDE alias.inc\n");

        Assert.Contains(ZoneFileParser.LoadFile(zone, Origin), r => r.Name == DnsName.Parse("p.example."));
    }

    [Fact]
    public void Include_OfItself_IsALoop()
    {
        string zone = _folder.Write("zone", Apex + "$INCLUDE zone\n");

        var error = Failure(zone);

        Assert.Equal((5, 10), (error.Line, error.Column));
        Assert.Contains("loop", error.Reason);
    }

    [Fact]
    public void Include_ThroughAnotherFileBackToAnEarlierOne_IsALoop_ReportedInTheFileThatCloses_It()
    {
        _folder.Write("a.inc", "a A 192.0.2.1\n$INCLUDE b.inc\n");
        _folder.Write("b.inc", "b A 192.0.2.2\n\n$INCLUDE a.inc\n");
        string zone = _folder.Write("zone", Apex + "$INCLUDE a.inc\n");

        var error = Failure(zone);

        Assert.Equal(("b.inc", 3, 10), (error.FileName, error.Line, error.Column));
        Assert.Contains("loop", error.Reason);
    }

    [Fact]
    public void Include_SameFileTwiceInARow_IsNotALoop()
    {
        _folder.Write("a.inc", "a A 192.0.2.1\n");
        string zone = _folder.Write("zone", Apex + "$INCLUDE a.inc\n$INCLUDE a.inc\n");

        Assert.Equal(2, ZoneFileParser.LoadFile(zone, Origin).Count(r => r.Name == DnsName.Parse("a.example.")));
    }

    [Fact]
    public void Include_DeeperThanTheLimit_Fails()
    {
        for (int i = 1; i <= 3; i++)
            _folder.Write($"{i}.inc", $"n{i} A 192.0.2.{i}\n$INCLUDE {i + 1}.inc\n");
        _folder.Write("4.inc", "n4 A 192.0.2.4\n");
        string zone = _folder.Write("zone", Apex + "$INCLUDE 1.inc\n");

        var error = Assert.Throws<ZoneFileException>(() => ZoneFileParser.LoadFile(zone, Origin, new ZoneFileOptions { MaxIncludeDepth = 3 }));

        Assert.Equal(("3.inc", 2, 1), (error.FileName, error.Line, error.Column));
        Assert.Equal(7, ZoneFileParser.LoadFile(zone, Origin, new ZoneFileOptions { MaxIncludeDepth = 4 }).Count);
    }

    [Fact]
    public void Include_MissingFile_FailsAtTheFileName()
    {
        string zone = _folder.Write("zone", Apex + "$INCLUDE   missing.inc\n");

        var error = Failure(zone);

        Assert.Equal((5, 12), (error.Line, error.Column));
        Assert.Contains("cannot read the $INCLUDE file 'missing.inc'", error.Reason);
    }

    [Fact]
    public void Include_ErrorInsideTheIncludedFile_NamesThatFileAndItsLine()
    {
        _folder.Write("bad.inc", "; comment\nok A 192.0.2.1\nbad A 192.0.2.300\n");
        string zone = _folder.Write("zone", Apex + "$INCLUDE bad.inc\n");

        var error = Failure(zone);

        Assert.Equal(("bad.inc", 3, 7), (error.FileName, error.Line, error.Column));
    }

    [Theory]
    [InlineData("$INCLUDE\n", 9, "expected a file name after $INCLUDE")]
    [InlineData("$INCLUDE a.inc sub. extra\n", 21, "unexpected 'extra'")]
    [InlineData("$INCLUDE a.inc sub..x\n", 16, "expected the $INCLUDE origin")]
    public void Include_MalformedDirective_Fails(string directive, int column, string reason)
    {
        _folder.Write("a.inc", "a A 192.0.2.1\n");
        string zone = _folder.Write("zone", Apex + directive);

        var error = Failure(zone);

        Assert.Equal((5, column), (error.Line, error.Column));
        Assert.Contains(reason, error.Reason);
    }

    [Fact]
    public void Read_FromTextReader_IncludesFromTheGivenFolderOnly()
    {
        _folder.Write("a.inc", "a A 192.0.2.1\n");
        var options = new ZoneFileOptions { IncludeDirectory = _folder.Path };

        var records = ZoneFileParser.Parse(Apex + "$INCLUDE a.inc\n", Origin, options);
        var error = Assert.Throws<ZoneFileException>(() => ZoneFileParser.Parse(Apex + "$INCLUDE ../a.inc\n", Origin, options));
        var withoutFolder = Assert.Throws<ZoneFileException>(() => ZoneFileParser.Parse(Apex + "$INCLUDE a.inc\n", Origin));

        Assert.Equal(DnsName.Parse("a.example."), records[^1].Name);
        Assert.Contains("outside the zone's folder", error.Reason);
        Assert.Contains("not read from a file", withoutFolder.Reason);
    }

    [Fact]
    public void Include_WhenDisallowed_Fails()
    {
        _folder.Write("a.inc", "a A 192.0.2.1\n");
        string zone = _folder.Write("zone", Apex + "$INCLUDE a.inc\n");

        var error = Assert.Throws<ZoneFileException>(() => ZoneFileParser.LoadFile(zone, Origin, new ZoneFileOptions { AllowInclude = false }));

        Assert.Contains("not allowed", error.Reason);
    }

    [Fact]
    public void Include_RecordsAreIdenticalToTheSameTextInline()
    {
        _folder.Write("a.inc", "a A 192.0.2.1\n  TXT \"x\"\n");
        string zone = _folder.Write("zone", Apex + "$INCLUDE a.inc\n");

        IEnumerable<DnsRecord> inline = ZoneFileParser.Parse(Apex + "a A 192.0.2.1\n  TXT \"x\"\n", Origin);

        Assert.Equal(inline, ZoneFileParser.LoadFile(zone, Origin));
    }
}
