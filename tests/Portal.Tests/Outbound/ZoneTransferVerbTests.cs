using SecondaryPortal.Portal.Tests.Support;

namespace SecondaryPortal.Portal.Tests.Outbound;

/// <summary>The verbs that set an authoritative zone up as a primary: transfer access and NOTIFY targets.</summary>
public sealed class ZoneTransferVerbTests
{
    [Fact]
    public async Task AllowTransfer_ThenDeny_ChangesTheAccessListAndShowsIt()
    {
        using var temp = await ImportedAsync();

        var allowed = await Support.Cli.RunAsync("zone", "allow-transfer", "example.com.", "192.0.2.0/24", temp.Override);
        var keyAllowed = await Support.Cli.RunAsync("zone", "allow-transfer", "example.com", "key:Xfr.Example", temp.Override);
        var again = await Support.Cli.RunAsync("zone", "allow-transfer", "example.com.", "192.0.2.0/24", temp.Override);
        var denied = await Support.Cli.RunAsync("zone", "deny-transfer", "example.com.", "192.0.2.0/24", temp.Override);

        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        Assert.Contains("192.0.2.0/24 may now transfer example.com.", allowed.Output, StringComparison.Ordinal);
        Assert.Contains("Transfers allowed to: 192.0.2.0/24, key:xfr.example.", keyAllowed.Output, StringComparison.Ordinal);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("may already transfer", again.Output, StringComparison.Ordinal);
        Assert.Contains("Transfers allowed to: key:xfr.example.", denied.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotifyAdd_WithAKey_ThenRemove_ChangesTheTargetsAndShowsThem()
    {
        using var temp = await ImportedAsync();

        var added = await Support.Cli.RunAsync("zone", "notify-add", "example.com.", "192.0.2.7", temp.Override);
        var keyed = await Support.Cli.RunAsync("zone", "notify-add", "example.com.", "[2001:db8::7]:5353", "--key", "notify.example.", temp.Override);
        var removed = await Support.Cli.RunAsync("zone", "notify-remove", "example.com.", "192.0.2.7:53", temp.Override);
        var shown = await Support.Cli.RunAsync("zone", "transfers", "example.com.", temp.Override);

        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.Contains("NOTIFY sent to:       192.0.2.7:53", added.Output, StringComparison.Ordinal);
        Assert.True(keyed.ExitCode == 0, keyed.ToString());
        Assert.Contains("[2001:db8::7]:5353 key notify.example.", keyed.Output, StringComparison.Ordinal);
        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.Contains("NOTIFY sent to:       [2001:db8::7]:5353 key notify.example.", shown.Output, StringComparison.Ordinal);
        Assert.Contains("Transfers allowed to: nobody", shown.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("allow-transfer|example.com.|192.0.2.1/24", "bits set beyond")]
    [InlineData("allow-transfer|example.org.|192.0.2.1", "No zone example.org. is stored.")]
    [InlineData("notify-add|example.com.|192.0.2.1:0", "not a port number")]
    [InlineData("notify-add|example.com.|host.example.", "not an IP address")]
    [InlineData("notify-add|example.com.|192.0.2.1|--key", "Required argument missing for option: '--key'")]
    [InlineData("allow-transfer|example.com.|192.0.2.1|--key|k.example.", "--key is an option of 'zone notify-add' only")]
    [InlineData("deny-transfer|example.com.", "Required argument 'ADDR|CIDR|key:NAME' missing for command: 'deny-transfer'")]
    [InlineData("notify-add|example.com.|192.0.2.1|--port", "unknown option --port")]
    public async Task Verbs_WithBadArguments_FailWithAReason(string arguments, string reason)
    {
        using var temp = await ImportedAsync();

        var run = await Support.Cli.RunAsync(["zone", .. arguments.Split('|'), temp.Override]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
    }

    private static async Task<TempDataDirectory> ImportedAsync()
    {
        var temp = new TempDataDirectory();
        var imported = await Support.Cli.RunAsync("zone", "import", "example.com.", temp.WriteFile("a.zone", ZoneTexts.Simple("example.com.", 1)), temp.Override);
        Assert.True(imported.ExitCode == 0, imported.ToString());
        return temp;
    }
}
