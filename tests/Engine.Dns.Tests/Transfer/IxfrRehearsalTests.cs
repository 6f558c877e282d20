using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Transfer;

namespace SecondaryPortal.Dns.Tests.Transfer;

public sealed class IxfrRehearsalTests
{
    [Fact]
    public void Run_ParsesOneDiffFromSerial1To2()
    {
        var result = IxfrRehearsal.Run();

        var diff = Assert.Single(result.Diffs);
        Assert.Equal((1u, 2u), (diff.OldSerial, diff.NewSerial));
        Assert.Equal(2, diff.Deleted.Count);
        Assert.Equal(2, diff.Added.Count);
    }

    [Fact]
    public void Run_PatchesTheZoneAsTheDiffsSay()
    {
        var result = IxfrRehearsal.Run();

        Assert.Empty(result.Applied.Errors);
        var snapshot = Assert.IsType<SecondaryPortal.Dns.ZoneData.ZoneSnapshot>(result.Applied.Snapshot);
        Assert.Equal(2u, snapshot.Serial);
        var names = snapshot.Records().Select(r => $"{r.Name} {r.Type}").ToHashSet();
        Assert.Contains("new.added.rehearsal.invalid. TXT", names);
        Assert.DoesNotContain("old.gone.rehearsal.invalid. TXT", names);
        var www = Assert.Single(snapshot.Records(), r => r.Name.ToString() == "www.rehearsal.invalid.");
        Assert.Equal("192.0.2.3", ((AData)www.Data).Address.ToString());
    }
}
