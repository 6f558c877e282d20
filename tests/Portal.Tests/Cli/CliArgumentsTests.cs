using SecondaryPortal.Portal.Cli;

namespace SecondaryPortal.Portal.Tests.Cli;

public sealed class CliArgumentsTests
{
    [Fact]
    public void Parse_SeparatesWordsOverridesAndHelp()
    {
        var parsed = CliArguments.Parse(["--Storage:DataDirectory=/d", "zone", "import", "example.com.", "/tmp/zone.db", "--Dns:Listen:0=127.0.0.1:53", "-h"]);

        Assert.Equal(["zone", "import", "example.com.", "/tmp/zone.db"], parsed.Words);
        Assert.Equal(["--Storage:DataDirectory=/d", "--Dns:Listen:0=127.0.0.1:53"], parsed.Overrides);
        Assert.True(parsed.Help);
        Assert.Empty(parsed.UnknownOptions);
    }

    [Fact]
    public void Parse_AfterDoubleDash_TakesEverythingAsOperands()
    {
        var parsed = CliArguments.Parse(["zone", "import", "--", "example.com.", "--odd=name.zone"]);

        Assert.Equal(["zone", "import", "example.com.", "--odd=name.zone"], parsed.Words);
        Assert.Empty(parsed.Overrides);
    }

    [Theory]
    [InlineData(new[] { "zone", "list" }, true)]
    [InlineData(new[] { "--Storage:DataDirectory=x", "zone", "list" }, true)]
    [InlineData(new[] { "--help" }, true)]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--urls=http://127.0.0.1:5080", "--Dns:Listen:0=127.0.0.1:5353" }, false)]
    public void IsCommand_TellsAVerbFromAServerRun(string[] args, bool expected) =>
        Assert.Equal(expected, CliApplication.IsCommand(args));
}
