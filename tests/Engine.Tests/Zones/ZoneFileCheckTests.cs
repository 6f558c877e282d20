using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Tests.Zones;

public sealed class ZoneFileCheckTests
{
    private static readonly DnsName Origin = DnsName.Parse("paste.example.");

    [Fact]
    public void Check_OfAValidZone_GivesItsRecordsAndSerial()
    {
        var result = ZoneFileCheck.Check(Origin, "$TTL 300\n@ SOA ns1 hostmaster 42 7200 900 1209600 300\n@ NS ns1\nns1 A 192.0.2.1\n");
        Assert.True(result.IsValid);
        Assert.Equal(3, result.Records.Count);
        Assert.Equal(42u, result.Serial);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Check_OfABadLine_GivesItsLineNumber()
    {
        var result = ZoneFileCheck.Check(Origin, "$TTL 300\n@ SOA ns1 hostmaster 42 7200 900 1209600 300\n@ NS ns1\nns1 A 192.0.2.300\n");
        Assert.False(result.IsValid);
        Assert.StartsWith("line 4: ", Assert.Single(result.Errors));
        Assert.Empty(result.Records);
    }

    [Fact]
    public void Check_OfAZoneWithoutSoa_SaysSo()
    {
        var result = ZoneFileCheck.Check(Origin, "$TTL 300\n@ NS ns1\n");
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Contains("SOA"));
    }

    [Fact]
    public void Check_RefusesInclude()
    {
        var result = ZoneFileCheck.Check(Origin, "$TTL 300\n$INCLUDE /etc/passwd\n");
        Assert.False(result.IsValid);
        Assert.StartsWith("line 2: ", Assert.Single(result.Errors));
    }

    [Fact]
    public void Check_OfAValidZoneWithProblems_GivesTheWarnings()
    {
        var result = ZoneFileCheck.Check(Origin, "$TTL 300\n@ SOA ns1 hostmaster 42 7200 900 1209600 300\nns1 A 192.0.2.1\nwww CNAME ns1\nwww A 192.0.2.2\n");
        Assert.True(result.IsValid);
        Assert.Contains(result.Warnings, w => w.Kind == ZoneWarningKind.NoApexNs);
        Assert.Contains(result.Warnings, w => w.Kind == ZoneWarningKind.CnameAndOtherData);
    }
}
