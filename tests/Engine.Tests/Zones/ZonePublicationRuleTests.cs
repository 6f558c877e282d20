using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Engine.Tests.Support;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Tests.Zones;

/// <summary>The one rule that decides what the responder serves per zone, whichever writer publishes.</summary>
public sealed class ZonePublicationRuleTests
{
    private static readonly DnsName Origin = DnsName.Parse("rule.example.");
    private static readonly ZoneSnapshot Older = Snapshot(serial: 1);
    private static readonly ZoneSnapshot Newer = Snapshot(serial: 2);

    private static ZoneSnapshot Snapshot(uint serial) => ZoneSnapshot.Build(Origin, GeneratedZone.Create(Origin, 3, serial)).Snapshot!;

    private static ZonePublication Loaded(long version, ZoneSnapshot? snapshot = null) =>
        new(ZonePublicationKind.Loaded, Origin, snapshot, version);

    [Fact]
    public void Loaded_ForAZoneNotKnown_IsServed()
    {
        var decision = ZonePublicationRule.Decide(null, null, Loaded(4, Older));

        Assert.Equal(ZoneTableChange.Serve, decision.Table);
        Assert.Equal(new PublishedZone(Origin, 4, Serving: true), decision.Next);
    }

    [Fact]
    public void Loaded_OlderThanTheVersionKnown_IsRefused()
    {
        var known = new PublishedZone(Origin, 5, Serving: true);

        Assert.False(ZonePublicationRule.Decide(known, Newer, Loaded(4, Older)).Applies);
    }

    [Fact]
    public void Loaded_WhileACopyIsServedAheadOfTheStore_IsRefused_EvenAtANewerVersion()
    {
        // The poll may have listed the zone before the engine served a newer copy ahead of storing it: the stored copy it
        // then loads is older than what is served, whatever its version says.
        var known = new PublishedZone(Origin, 5, Serving: true, AheadOfStore: true);

        Assert.False(ZonePublicationRule.Decide(known, Newer, Loaded(6, Older)).Applies);
        Assert.False(ZonePublicationRule.NeedsLoading(known, 6));
    }

    [Fact]
    public void Loaded_WithoutASnapshot_MakesTheZoneUnavailable()
    {
        var decision = ZonePublicationRule.Decide(null, null, Loaded(2));

        Assert.Equal(ZoneTableChange.Unavailable, decision.Table);
        Assert.False(decision.Next!.Value.Serving);
    }

    [Fact]
    public void NeedsLoading_IsFalseForTheVersionServed_AndTrueForANewerOne()
    {
        var known = new PublishedZone(Origin, 5, Serving: true);

        Assert.False(ZonePublicationRule.NeedsLoading(known, 5));
        Assert.True(ZonePublicationRule.NeedsLoading(known, 6));
        Assert.True(ZonePublicationRule.NeedsLoading(null, 0));
    }

    [Fact]
    public void Stored_WithoutAVersion_KeepsTheVersionKnown()
    {
        var known = new PublishedZone(Origin, 7, Serving: false);

        var decision = ZonePublicationRule.Decide(known, null, new ZonePublication(ZonePublicationKind.Stored, Origin, Newer));

        Assert.Equal(ZoneTableChange.Serve, decision.Table);
        Assert.Equal(new PublishedZone(Origin, 7, Serving: true), decision.Next);
    }

    [Fact]
    public void Stored_OlderThanTheVersionKnown_IsRefused()
    {
        var known = new PublishedZone(Origin, 7, Serving: true);

        Assert.False(ZonePublicationRule.Decide(known, Newer, new ZonePublication(ZonePublicationKind.Stored, Origin, Older, 6)).Applies);
    }

    [Fact]
    public void AheadOfStore_IsServed_AndMarksTheZoneAhead()
    {
        var known = new PublishedZone(Origin, 3, Serving: true);

        var decision = ZonePublicationRule.Decide(known, Older, new ZonePublication(ZonePublicationKind.AheadOfStore, Origin, Newer));

        Assert.Equal(ZoneTableChange.Serve, decision.Table);
        Assert.Equal(new PublishedZone(Origin, 3, Serving: true, AheadOfStore: true), decision.Next);
    }

    [Fact]
    public void StoreCaughtUp_ForTheCopyServed_RecordsTheVersion_AndLetsThePollFollowTheStoreAgain()
    {
        var known = new PublishedZone(Origin, 3, Serving: true, AheadOfStore: true);

        var decision = ZonePublicationRule.Decide(known, Newer, new ZonePublication(ZonePublicationKind.StoreCaughtUp, Origin, Newer, 9));

        Assert.Equal(ZoneTableChange.None, decision.Table);
        Assert.Equal(new PublishedZone(Origin, 9, Serving: true), decision.Next);
        Assert.True(ZonePublicationRule.NeedsLoading(decision.Next, 10));
    }

    [Fact]
    public void StoreCaughtUp_ForACopyNoLongerServed_ChangesNothing()
    {
        // A newer copy was served ahead of the store since: its own store confirms it in turn.
        var known = new PublishedZone(Origin, 3, Serving: true, AheadOfStore: true);

        Assert.False(ZonePublicationRule.Decide(known, Newer, new ZonePublication(ZonePublicationKind.StoreCaughtUp, Origin, Older, 9)).Applies);
    }

    [Fact]
    public void Withdrawn_KeepsTheVersion_SoThePollDoesNotServeTheStoredCopyAgain()
    {
        var known = new PublishedZone(Origin, 8, Serving: true);

        var decision = ZonePublicationRule.Decide(known, Older, new ZonePublication(ZonePublicationKind.Withdrawn, Origin));

        Assert.Equal(ZoneTableChange.Unavailable, decision.Table);
        Assert.Equal(new PublishedZone(Origin, 8, Serving: false), decision.Next);
        Assert.False(ZonePublicationRule.NeedsLoading(decision.Next, 8));
    }

    [Fact]
    public void Removed_ForgetsTheZone()
    {
        var decision = ZonePublicationRule.Decide(new PublishedZone(Origin, 8, Serving: true), Older, new ZonePublication(ZonePublicationKind.Removed, Origin));

        Assert.Equal(ZoneTableChange.Remove, decision.Table);
        Assert.Null(decision.Next);
        Assert.True(decision.Applies);
    }
}
