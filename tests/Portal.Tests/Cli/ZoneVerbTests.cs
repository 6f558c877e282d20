using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneFiles;
using SecondaryPortal.Portal.Tests.Support;

namespace SecondaryPortal.Portal.Tests.Cli;

public sealed class ZoneVerbTests
{
    [Fact]
    public async Task Import_ThenList_ShowsTheZoneWithItsSerialAndRecordCount()
    {
        using var temp = new TempDataDirectory();
        string file = temp.WriteFile("example.zone", ZoneTexts.Simple("example.com.", 2024050501));

        var import = await Support.Cli.RunAsync("zone", "import", "example.com.", file, temp.Override);
        var list = await Support.Cli.RunAsync("zone", "list", temp.Override);

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("Imported example.com.: serial 2024050501, 5 records.", import.Output, StringComparison.Ordinal);
        Assert.Equal(0, list.ExitCode);
        var row = list.Output.Split('\n').Single(line => line.StartsWith("example.com.", StringComparison.Ordinal));
        Assert.Equal(["example.com.", "Authoritative", "active", "2024050501", "5"], row.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..5]);
    }

    [Fact]
    public async Task Import_WithTheOverrideBeforeTheVerbAndAnAbsoluteFilePath_Works()
    {
        // "/..." operands must not be read as configuration switches (as the host's command-line provider would).
        using var temp = new TempDataDirectory();
        string file = temp.WriteFile("example.zone", ZoneTexts.Simple("example.com.", 1));
        Assert.True(Path.IsPathRooted(file));

        var import = await Support.Cli.RunAsync(temp.Override, "zone", "import", "example.com", file);

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.True(File.Exists(Path.Combine(temp.Data, "secondaryportal.db")));
    }

    [Fact]
    public async Task Export_ToStandardOutput_ParsesBackToTheImportedRecords()
    {
        using var temp = new TempDataDirectory();
        string text = ZoneTexts.Simple("example.com.", 7);
        string file = temp.WriteFile("example.zone", text);
        await Support.Cli.RunAsync("zone", "import", "example.com.", file, temp.Override);

        var export = await Support.Cli.RunAsync("zone", "export", "example.com.", temp.Override);

        Assert.True(export.ExitCode == 0, export.ToString());
        var origin = DnsName.Parse("example.com.");
        Assert.Equal(Sorted(ZoneFileParser.Parse(text, origin)), Sorted(ZoneFileParser.Parse(export.Output, origin)));
        Assert.Contains("Mixed\t", export.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ToAFile_WritesAMasterFileThatImportsAgain()
    {
        using var temp = new TempDataDirectory();
        await Support.Cli.RunAsync("zone", "import", "example.com.", temp.WriteFile("in.zone", ZoneTexts.Simple("example.com.", 9)), temp.Override);
        string exported = Path.Combine(temp.Files, "out.zone");

        var export = await Support.Cli.RunAsync("zone", "export", "example.com.", exported, temp.Override);
        var reimport = await Support.Cli.RunAsync("zone", "import", "example.com.", exported, temp.Override);

        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.StartsWith("$ORIGIN example.com.", await File.ReadAllTextAsync(exported), StringComparison.Ordinal);
        Assert.True(reimport.ExitCode == 0, reimport.ToString());
        Assert.Contains("serial 9, 5 records", reimport.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OfAFileWithASyntaxError_ReportsFileLineAndColumnAndExits1()
    {
        using var temp = new TempDataDirectory();
        string file = temp.WriteFile("bad.zone", "$ORIGIN example.com.\n@ 300 IN SOA ns1 hostmaster 1 2 3 4 5\nwww 300 IN A 192.0.2.300\n");

        var import = await Support.Cli.RunAsync("zone", "import", "example.com.", file, temp.Override);

        Assert.Equal(1, import.ExitCode);
        Assert.StartsWith($"error: {file}:3:14: ", import.Error, StringComparison.Ordinal);
        Assert.Equal("", import.Output);
        var list = await Support.Cli.RunAsync("zone", "list", temp.Override);
        Assert.Contains("No zones are stored", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OfAZoneWithoutSoa_IsRejectedAndKeepsTheStoredZone()
    {
        using var temp = new TempDataDirectory();
        await Support.Cli.RunAsync("zone", "import", "example.com.", temp.WriteFile("good.zone", ZoneTexts.Simple("example.com.", 3)), temp.Override);
        string file = temp.WriteFile("nosoa.zone", "$ORIGIN example.com.\nwww 300 IN A 192.0.2.9\n");

        var import = await Support.Cli.RunAsync("zone", "import", "example.com.", file, temp.Override);
        var list = await Support.Cli.RunAsync("zone", "list", temp.Override);

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("SOA", import.Error, StringComparison.Ordinal);
        Assert.Contains("unchanged", import.Error, StringComparison.Ordinal);
        Assert.Contains(" 3 ", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OfAMissingFile_SaysItCannotBeReadAndExits1()
    {
        using var temp = new TempDataDirectory();

        var import = await Support.Cli.RunAsync("zone", "import", "example.com.", Path.Combine(temp.Files, "none.zone"), temp.Override);

        Assert.Equal(1, import.ExitCode);
        Assert.StartsWith("error: cannot read ", import.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_OfAZoneNotStored_Exits1WithAClearMessage()
    {
        using var temp = new TempDataDirectory();

        var export = await Support.Cli.RunAsync("zone", "export", "missing.example.", temp.Override);

        Assert.Equal(1, export.ExitCode);
        Assert.Equal("error: No zone missing.example. is stored.", export.Error.Trim());
        Assert.Equal("", export.Output);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    [InlineData("zone", "--help")]
    public async Task Help_PrintsTheUsageAndExits0(params string[] args)
    {
        var help = await Support.Cli.RunAsync(args);

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("zone import <origin> <file>", help.Output, StringComparison.Ordinal);
        Assert.Contains("--Storage:DataDirectory=DIR", help.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zone", "frobnicate")]
    [InlineData("zone", "import", "example.com.")]
    [InlineData("zone", "list", "--verbose")]
    public async Task BadUsage_Exits1WithAnErrorLine(params string[] args)
    {
        using var temp = new TempDataDirectory();

        var run = await Support.Cli.RunAsync([.. args, temp.Override]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
    }

    private static List<string> Sorted(IEnumerable<DnsRecord> records) =>
        records.Select(r => r.ToString()).Order(StringComparer.Ordinal).ToList();
}
