using Quartz;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Scheduling;

namespace SecondaryPortal.Engine.Tests.Scheduling;

/// <summary>The Quartz trigger key of a zone's timer names its event and zone, and reads back as both.</summary>
public sealed class ZoneEventTimerKeyTests
{
    [Theory]
    [InlineData("example.com.", ZoneEvent.Refresh)]
    [InlineData("with\\032space.example.", ZoneEvent.Expire)]
    [InlineData("Upper.Case.Example.", ZoneEvent.Retry)]
    public void AKey_ReadsBackAsItsZoneAndEvent(string origin, ZoneEvent zoneEvent)
    {
        var zone = DnsName.Parse(origin);

        Assert.True(ZoneEventTimers.TryReadKey(ZoneEventTimers.TriggerKey(zone, zoneEvent), out var read, out var readEvent));

        Assert.Equal(zone, read);
        Assert.Equal(zoneEvent, readEvent);
    }

    [Theory]
    [InlineData("Refresh example.com.", "another-group")]
    [InlineData("Sometime example.com.", "zone-events")]
    [InlineData("Refresh", "zone-events")]
    public void AKeyOfAnotherKind_IsNotRead(string name, string group) =>
        Assert.False(ZoneEventTimers.TryReadKey(new TriggerKey(name, group), out _, out _));
}
