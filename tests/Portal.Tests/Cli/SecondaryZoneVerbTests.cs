using Microsoft.Data.Sqlite;
using SecondaryPortal.Portal.Tests.Support;

namespace SecondaryPortal.Portal.Tests.Cli;

public sealed class SecondaryZoneVerbTests
{
    private const string Secret = "c2VjcmV0IG9mIHRoZSBjbGkgdGVzdHMsIG5vdCB0byBiZSBzdG9yZWQ=";

    [Fact]
    public async Task Add_ThenListAndStatus_ShowThePendingZoneWithItsPrimaries()
    {
        using var temp = new TempDataDirectory();

        var add = await Support.Cli.RunAsync("zone", "add", "example.net.", "--secondary", "--primary", "192.0.2.1", "--primary", "[2001:db8::1]:5353", temp.Override);
        var list = await Support.Cli.RunAsync("zone", "list", temp.Override);
        var status = await Support.Cli.RunAsync("zone", "status", "example.net.", temp.Override);

        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Contains("Added secondary zone example.net. from 192.0.2.1:53, [2001:db8::1]:5353", add.Output, StringComparison.Ordinal);
        var row = list.Output.Split('\n').Single(line => line.StartsWith("example.net.", StringComparison.Ordinal));
        Assert.Equal(["example.net.", "Secondary", "pending", "0", "0"], row.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..5]);
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("status:         pending", status.Output, StringComparison.Ordinal);
        Assert.Contains("1. 192.0.2.1:53; not answered yet", status.Output, StringComparison.Ordinal);
        Assert.Contains("2. [2001:db8::1]:5353", status.Output, StringComparison.Ordinal);
        Assert.Contains("serial served:  none yet", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_OfSeveralZones_AddsEachFromTheSamePrimary_AndReportsTheOnesThatFail()
    {
        using var temp = new TempDataDirectory();
        await Support.Cli.RunAsync("zone", "add", "b.example.", "--secondary", "--primary", "192.0.2.1", temp.Override);

        var add = await Support.Cli.RunAsync("zone", "add", "a.example.", "b.example.", "c.example.", "--secondary", "--primary", "192.0.2.1", temp.Override);
        var list = await Support.Cli.RunAsync("zone", "list", temp.Override);

        Assert.Equal(1, add.ExitCode);
        Assert.Contains("Added secondary zone a.example.", add.Output, StringComparison.Ordinal);
        Assert.Contains("Added secondary zone c.example.", add.Output, StringComparison.Ordinal);
        Assert.Contains("b.example.", add.Error, StringComparison.Ordinal);
        Assert.Equal(3, list.Output.Split('\n').Count(line => line.Contains("Secondary", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Add_OfSeveralZones_WithOneBadName_AddsNone()
    {
        using var temp = new TempDataDirectory();

        var add = await Support.Cli.RunAsync("zone", "add", "a.example.", "bad..name", "--secondary", "--primary", "192.0.2.1", temp.Override);
        var list = await Support.Cli.RunAsync("zone", "list", temp.Override);

        Assert.Equal(1, add.ExitCode);
        Assert.Contains("'bad..name' is not a valid zone name", add.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("a.example.", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_WithATsigKey_StoresTheSecretProtected_AndAnotherZoneReusesTheKeyByName()
    {
        using var temp = new TempDataDirectory();

        var add = await Support.Cli.RunAsync("zone", "add", "example.net.", "--secondary", "--primary=192.0.2.1", "--tsig", "transfer-key", "--tsig-algorithm", "hmac-sha256",
            "--tsig-secret", Secret, temp.Override);
        var reuse = await Support.Cli.RunAsync("zone", "add", "example.org.", "--secondary", "--primary", "192.0.2.2", "--tsig", "transfer-key.", temp.Override);
        var conflict = await Support.Cli.RunAsync("zone", "add", "example.com.", "--secondary", "--primary", "192.0.2.3", "--tsig", "transfer-key.",
            "--tsig-secret", "b3RoZXI=", temp.Override);
        var status = await Support.Cli.RunAsync("zone", "status", "example.org.", temp.Override);

        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Contains("signed with TSIG key transfer-key.", add.Output, StringComparison.Ordinal);
        Assert.True(reuse.ExitCode == 0, reuse.ToString());
        Assert.Equal(1, conflict.ExitCode);
        Assert.Contains("already stored with another algorithm or secret", conflict.Error, StringComparison.Ordinal);
        Assert.Contains("TSIG key transfer-key.", status.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, status.Output, StringComparison.Ordinal);
        string stored = ReadProtectedSecret(temp);
        Assert.DoesNotContain(Secret, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(Convert.FromBase64String(Secret)), Convert.ToHexString(Convert.FromBase64String(stored)), StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(temp.Data, "keys"), "key-*.xml"));
    }

    [Theory]
    [InlineData("'192.0.2.300' is not a primary's address", "--primary", "192.0.2.300")]
    [InlineData("'primary.example' is not a primary's address", "--primary", "primary.example")]
    [InlineData("port 0", "--primary", "192.0.2.1:0")]
    [InlineData("give at least one --primary", "--tsig", "k.", "--tsig-secret", Secret)]
    [InlineData("not valid base64", "--primary", "192.0.2.1", "--tsig", "k.", "--tsig-secret", "not*base64")]
    [InlineData("'hmac-sha3' is not a supported TSIG algorithm", "--primary", "192.0.2.1", "--tsig", "k.", "--tsig-algorithm", "hmac-sha3", "--tsig-secret", Secret)]
    [InlineData("--tsig-algorithm and --tsig-secret need --tsig NAME", "--primary", "192.0.2.1", "--tsig-secret", Secret)]
    [InlineData("No TSIG key k. is stored", "--primary", "192.0.2.1", "--tsig", "k.")]
    public async Task Add_WithABadOption_Exits1WithAClearMessage_AndStoresNothing(string expected, params string[] options)
    {
        using var temp = new TempDataDirectory();

        var add = await Support.Cli.RunAsync(["zone", "add", "example.net.", "--secondary", .. options, temp.Override]);
        var list = await Support.Cli.RunAsync("zone", "list", temp.Override);

        Assert.Equal(1, add.ExitCode);
        Assert.StartsWith("error: ", add.Error, StringComparison.Ordinal);
        Assert.Contains(expected, add.Error, StringComparison.Ordinal);
        Assert.Contains("No zones are stored", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_OfAZoneAlreadyStored_OrWithoutSecondary_Exits1()
    {
        using var temp = new TempDataDirectory();
        await Support.Cli.RunAsync("zone", "import", "example.com.", temp.WriteFile("a.zone", ZoneTexts.Simple("example.com.", 1)), temp.Override);

        var exists = await Support.Cli.RunAsync("zone", "add", "example.com.", "--secondary", "--primary", "192.0.2.1", temp.Override);
        var notSecondary = await Support.Cli.RunAsync("zone", "add", "example.net.", "--primary", "192.0.2.1", temp.Override);

        Assert.Equal(1, exists.ExitCode);
        Assert.Contains("already stored", exists.Error, StringComparison.Ordinal);
        Assert.Equal(1, notSecondary.ExitCode);
        Assert.Contains("--secondary", notSecondary.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_OfASecondaryZone_IsRequested_AndOfAnAuthoritativeZone_IsRefused()
    {
        using var temp = new TempDataDirectory();
        await Support.Cli.RunAsync("zone", "import", "example.com.", temp.WriteFile("a.zone", ZoneTexts.Simple("example.com.", 1)), temp.Override);
        await Support.Cli.RunAsync("zone", "add", "example.net.", "--secondary", "--primary", "192.0.2.1", temp.Override);

        var secondary = await Support.Cli.RunAsync("zone", "refresh", "example.net.", temp.Override);
        var authoritative = await Support.Cli.RunAsync("zone", "refresh", "example.com.", temp.Override);
        var missing = await Support.Cli.RunAsync("zone", "refresh", "example.org.", temp.Override);

        Assert.True(secondary.ExitCode == 0, secondary.ToString());
        Assert.Contains("Refresh of example.net. requested", secondary.Output, StringComparison.Ordinal);
        Assert.Equal(1, authoritative.ExitCode);
        Assert.Contains("authoritative zone", authoritative.Error, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
    }

    [Fact]
    public async Task Remove_DeletesTheZoneWithItsPrimaries_AndAZoneNotStoredExits1()
    {
        using var temp = new TempDataDirectory();
        await Support.Cli.RunAsync("zone", "add", "example.net.", "--secondary", "--primary", "192.0.2.1", temp.Override);

        var remove = await Support.Cli.RunAsync("zone", "remove", "example.net.", temp.Override);
        var again = await Support.Cli.RunAsync("zone", "remove", "example.net.", temp.Override);
        var status = await Support.Cli.RunAsync("zone", "status", "example.net.", temp.Override);

        Assert.True(remove.ExitCode == 0, remove.ToString());
        Assert.Equal(1, again.ExitCode);
        Assert.Equal("error: No zone example.net. is stored.", status.Error.Trim());
        Assert.Equal(0L, Count(temp, "ZonePrimaries") + Count(temp, "SecondaryZoneStates"));
    }

    [Fact]
    public async Task VerbOptions_OnAnotherVerb_AreRejected()
    {
        using var temp = new TempDataDirectory();

        var run = await Support.Cli.RunAsync("zone", "list", "--primary", "192.0.2.1", temp.Override);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--primary is an option of 'zone add' only", run.Error, StringComparison.Ordinal);
    }

    private static string ReadProtectedSecret(TempDataDirectory temp)
    {
        using var connection = Open(temp);
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT "ProtectedSecret" FROM "TsigKeys" """;
        return (string)command.ExecuteScalar()!;
    }

    private static long Count(TempDataDirectory temp, string table)
    {
        using var connection = Open(temp);
        using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT COUNT(*) FROM "{table}" """;
        return (long)command.ExecuteScalar()!;
    }

    private static SqliteConnection Open(TempDataDirectory temp)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(temp.Data, "secondaryportal.db")};Pooling=False");
        connection.Open();
        return connection;
    }
}
