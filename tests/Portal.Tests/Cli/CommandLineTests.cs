using SecondaryPortal.Portal.Cli;
using SecondaryPortal.Portal.Tests.Support;

namespace SecondaryPortal.Portal.Tests.Cli;

/// <summary>The command line as System.CommandLine reads it: verb or server, help, usage errors, configuration overrides.</summary>
public sealed class CommandLineTests
{
    private static readonly string[] EveryVerb =
    [
        "zone import <origin> <file>", "zone export <origin> [file]", "zone list", "zone add <origin>...", "zone status <origin>",
        "zone refresh <origin>", "zone remove <origin>", "zone allow-transfer <origin>", "zone deny-transfer <origin>",
        "zone notify-add <origin>", "zone notify-remove <origin>", "zone transfers <origin>", "user create", "token create",
    ];

    [Theory]
    [InlineData(new[] { "zone", "list" }, true)]
    [InlineData(new[] { "--Storage:DataDirectory=x", "zone", "list" }, true)]
    [InlineData(new[] { "zone", "add", "--help" }, true)]
    [InlineData(new[] { "--help" }, true)]
    [InlineData(new[] { "-h" }, true)]
    [InlineData(new[] { "help" }, true)]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--urls=http://127.0.0.1:5080", "--Dns:Listen:0=127.0.0.1:5353" }, false)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5080" }, false)]
    public void IsCommand_TellsAVerbFromAServerRun(string[] args, bool expected) =>
        Assert.Equal(expected, CliApplication.IsCommand(args));

    [Fact]
    public async Task Help_ListsEveryVerb()
    {
        var help = await Support.Cli.RunAsync("--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Equal("", help.Error);
        foreach (string verb in EveryVerb)
            Assert.Contains(verb, help.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zone", "add", "--help")]
    [InlineData("zone", "add", "-h")]
    [InlineData("help", "zone", "add")]
    public async Task VerbHelp_ListsTheVerbsOptions(params string[] args)
    {
        var help = await Support.Cli.RunAsync(args);

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--primary <ADDR[:PORT]>", help.Output, StringComparison.Ordinal);
        Assert.Contains("--tsig-secret <BASE64>", help.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("zone import <origin> <file>", help.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ZoneAdd_WithoutPrimary_NamesTheMissingOption()
    {
        using var temp = new TempDataDirectory();

        var run = await Support.Cli.RunAsync("zone", "add", "example.net.", "--secondary", temp.Override);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: give at least one --primary", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ZoneAdd_WithAnOptionWithoutItsValue_NamesTheOption()
    {
        var run = await Support.Cli.RunAsync("zone", "add", "example.net.", "--secondary", "--primary");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("'--primary'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ZoneImport_WithoutItsFile_NamesTheMissingOperand()
    {
        var run = await Support.Cli.RunAsync("zone", "import", "example.com.");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: Required argument 'file' missing for command: 'import'.", run.Error.Trim());
    }

    [Fact]
    public async Task UnknownOption_FailsWithItsName()
    {
        var run = await Support.Cli.RunAsync("zone", "list", "--verbose");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: unknown option --verbose", run.Error, StringComparison.Ordinal);
        Assert.Contains("'zone list --help'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownVerb_FailsWithItsName_AndListsTheVerbs()
    {
        var run = await Support.Cli.RunAsync("zone", "frobnicate");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: unknown verb 'zone frobnicate'; the zone verbs are import, export, list, add,", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGroupWithoutItsVerb_Fails()
    {
        var run = await Support.Cli.RunAsync("user");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: 'user' needs a verb: create (see 'user --help')", run.Error.Trim());
    }

    [Fact]
    public async Task ConfigurationOverride_AfterTheVerb_IsHonoured()
    {
        using var temp = new TempDataDirectory();
        string elsewhere = Path.Combine(temp.Root, "elsewhere");

        var run = await Support.Cli.RunAsync("zone", "list", "--Storage:DataDirectory=" + elsewhere);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(Path.Combine(elsewhere, "secondaryportal.db")));
    }

    [Fact]
    public async Task AnOperandLikeAnOverride_AfterDoubleDash_IsAFileName()
    {
        using var temp = new TempDataDirectory();

        var run = await Support.Cli.RunAsync(temp.Override, "zone", "import", "--", "example.com.", "--odd=name.zone");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: cannot read --odd=name.zone", run.Error, StringComparison.Ordinal);
    }
}
