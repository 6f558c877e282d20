using System.Net;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Tests.Support;
using Xunit.Abstractions;

namespace SecondaryPortal.Engine.Tests.Secondary;

/// <summary>NOTIFY in (RFC 1996) over the DNS server's UDP port: who may notify, how it is answered, what a flood costs.</summary>
public sealed class NotifyHandlerTests(ITestOutputHelper output)
{
    private static readonly DnsName Origin = DnsName.Parse("notify.example.");
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly TsigKey ZoneKey = TsigKey.Create("notify-key.", "hmac-sha256", "bm90aWZ5IGtleSBvZiB0aGUgem9uZSwgdGVzdA==");

    [Fact]
    public async Task Notify_FromAnAddressThatIsNotAPrimary_IsRefused_AndSchedulesNothing()
    {
        await using var primary = MiniPrimary.Start(Origin, 1, SecondaryZoneFlowTests.Hosts(Origin, 2, "192.0.2.1"));
        await using var harness = await ServedAsync(primary);
        int checks = primary.SoaQueries;

        var answer = await harness.SendNotifyAsync(Origin, source: IPAddress.Parse("127.0.0.2"));
        // The handler decides before it answers: a NOTIFY it posted would have made the idle loop busy before the answer was
        // sent, and the loop stays busy until its refresh has asked the primary. Both read now are facts, not a race.
        bool busy = !IsIdle(harness);
        int after = primary.SoaQueries;

        Assert.Equal(DnsRcode.Refused, answer.Rcode);
        Assert.True(answer.IsResponse);
        Assert.Equal(DnsOpcode.Notify, answer.Opcode);
        Assert.False(busy);
        Assert.Equal(checks, after);
        Assert.True(harness.Logs.Contains(Microsoft.Extensions.Logging.LogLevel.Warning, "127.0.0.2"));
    }

    [Fact]
    public async Task Notify_ForAZoneWeDoNotHold_IsNotAuth()
    {
        await using var harness = await SecondaryHarness.StartAsync(output: output);

        var answer = await harness.SendNotifyAsync(DnsName.Parse("elsewhere.example."));

        Assert.Equal(DnsRcode.NotAuth, answer.Rcode);
    }

    [Fact]
    public async Task Refusals_AreLoggedOnceASecond_AndTheNextEntryCountsThoseHeldBack()
    {
        var clock = new SteppedTimeProvider();
        await using var harness = await SecondaryHarness.StartAsync(clock, output: output);
        var elsewhere = DnsName.Parse("elsewhere.example.");

        for (int i = 0; i < 3; i++)
            await harness.SendNotifyAsync(elsewhere);
        int withinTheSecond = Refusals(harness).Count;
        clock.Advance(TimeSpan.FromSeconds(1));
        await harness.SendNotifyAsync(elsewhere);

        Assert.Equal(1, withinTheSecond);
        var logged = Refusals(harness);
        Assert.Equal(2, logged.Count);
        Assert.Contains("(2 similar refusals not logged)", logged[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notify_SignedWithTheZoneKey_IsAcceptedFromAnyAddress_AndAnsweredSigned()
    {
        await using var primary = MiniPrimary.Start(Origin, 1, SecondaryZoneFlowTests.Hosts(Origin, 2, "192.0.2.1"));
        await using var harness = await SecondaryHarness.StartAsync(output: output);
        await harness.AddZoneAsync(Origin, primary.EndPoint, ZoneKey);
        await SecondaryHarness.WaitUntilAsync(() => primary.SoaQueries >= 1 && IsIdle(harness), Bound, "the first refresh");
        int checks = primary.SoaQueries;

        var answer = await harness.SendNotifyAsync(Origin, source: IPAddress.Parse("127.0.0.3"), key: ZoneKey);
        await SecondaryHarness.WaitUntilAsync(() => primary.SoaQueries > checks, Bound, "a SOA check after the NOTIFY");

        Assert.Equal(DnsRcode.NoError, answer.Rcode);
        Assert.NotNull(answer.Tsig);
    }

    [Fact]
    public async Task Notify_SignedWithAnotherSecret_IsNotAuthWithBadSig_EvenFromThePrimary()
    {
        await using var primary = MiniPrimary.Start(Origin, 1, SecondaryZoneFlowTests.Hosts(Origin, 2, "192.0.2.1"));
        await using var harness = await SecondaryHarness.StartAsync(output: output);
        await harness.AddZoneAsync(Origin, primary.EndPoint, ZoneKey);
        var forged = TsigKey.Create("notify-key.", "hmac-sha256", "YW5vdGhlciBzZWNyZXQgYWx0b2dldGhlcg==");

        var answer = await harness.SendNotifyAsync(Origin, key: forged);

        Assert.Equal(DnsRcode.NotAuth, answer.Rcode);
        var tsig = Assert.IsType<Dns.Records.TsigData>(answer.Tsig!.Data);
        Assert.Equal(DnsRcode.BadSig, tsig.Error);
    }

    [Fact]
    public async Task NotifyFlood_CausesOneSoaCheckInFlight_AndAtMostOneMoreAfterIt()
    {
        await using var primary = MiniPrimary.Start(Origin, 1, SecondaryZoneFlowTests.Hosts(Origin, 2, "192.0.2.1"));
        await using var harness = await ServedAsync(primary);
        var soaAnswers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        primary.HoldSoaAnswers = soaAnswers.Task;
        primary.SetZone(Origin, 2, SecondaryZoneFlowTests.Hosts(Origin, 2, "192.0.2.2"));
        int checks = primary.SoaQueries;

        // Every NOTIFY arrives while the first check is held at the primary; only then does the primary answer it.
        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => harness.SendNotifyAsync(Origin)));
        await SecondaryHarness.WaitUntilAsync(() => primary.SoaQueries > checks, Bound, "the first SOA check");
        soaAnswers.SetResult();
        await SecondaryHarness.WaitUntilAsync(() => harness.ServedSerial(Origin) == 2u && IsIdle(harness), Bound, "serial 2 served");

        Assert.All(answers, a => Assert.Equal(DnsRcode.NoError, a.Rcode));
        Assert.Equal(1, primary.MaxSoaQueriesInFlight);
        int extra = primary.SoaQueries - checks;
        output.WriteLine($"200 NOTIFYs gave {extra} SOA check(s)");
        Assert.InRange(extra, 1, 2);
    }

    private async Task<SecondaryHarness> ServedAsync(MiniPrimary primary)
    {
        var harness = await SecondaryHarness.StartAsync(output: output);
        await harness.AddZoneAsync(Origin, primary.EndPoint);
        await SecondaryHarness.WaitUntilAsync(() => harness.ServedSerial(Origin) is not null && IsIdle(harness), Bound, "the first transfer");
        return harness;
    }

    private static List<string> Refusals(SecondaryHarness harness) =>
        [.. harness.Logs.Entries.Where(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.StartsWith("NOTIFY for elsewhere.example.", StringComparison.Ordinal)).Select(e => e.Message)];

    private static bool IsIdle(SecondaryHarness harness) => harness.Engine.TryGetZone(Origin, out var loop) && !loop.IsBusy;
}
