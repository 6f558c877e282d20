using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Portal.Services.Sites;

namespace SecondaryPortal.Portal.Tests.Sites;

public sealed class ZoneFileReaderTests
{
    private static readonly DnsName Origin = DnsName.Parse("example.com.");

    [Fact]
    public void Read_AValidFile_GivesItsRecords()
    {
        var (records, errors) = ZoneFileReader.Read("$TTL 300\n@ SOA ns1 hostmaster 1 3600 900 1209600 300\n@ NS ns1\nns1 A 192.0.2.1\n", Origin);
        Assert.Empty(errors);
        Assert.Equal(3, records!.Count);
    }

    [Fact]
    public void Read_SeveralBadLines_ListsEachWithItsLineNumber()
    {
        string text = "$TTL 300\n@ SOA ns1 hostmaster 1 3600 900 1209600 300\nwww A 192.0.2.300\n@ NS ns1\nmail MX ten mail\n";
        var (records, errors) = ZoneFileReader.Read(text, Origin);
        Assert.Null(records);
        Assert.Equal([3, 5], errors.Select(e => e.Line));
        Assert.All(errors, e => Assert.StartsWith($"line {e.Line}: ", e.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Read_AnInclude_IsRefused_SoAPastedFileCannotReadTheServersFiles()
    {
        var (records, errors) = ZoneFileReader.Read("$TTL 300\n$INCLUDE /etc/passwd\n", Origin);
        Assert.Null(records);
        Assert.Equal(2, Assert.Single(errors).Line);
    }

    [Fact]
    public void Read_NothingPasted_SaysItIsEmpty()
    {
        var (records, errors) = ZoneFileReader.Read("  \n", Origin);
        Assert.Null(records);
        Assert.Equal("The zone file is empty: paste its text or choose a file.", Assert.Single(errors).Message);
    }
}
