using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Tests.Lookup;

/// <summary>
/// The responder test zones from tests/testdata/zones/responder, loaded once: rich.example. (unsigned) and
/// its signed children. The *.signed files were made once with
/// <c>dnssec-keygen -a ECDSAP256SHA256 -n ZONE [-f KSK] ZONE</c> (two keys) and
/// <c>dnssec-signzone -S -K . -s 20260101000000 -e 20360101000000 [-3 - -A] -o ZONE -f FILE ZONE.zone</c>;
/// signatures are never checked by the responder, so their keys are not kept.
/// </summary>
internal static class UnitZones
{
    public const string Parent = "rich.example.";
    public const string Nsec = "secure.rich.example.";
    public const string Nsec3 = "secure3.rich.example.";

    private static readonly Lazy<ZoneSnapshot[]> Snapshots = new(() =>
    [
        TestResponder.LoadFile(Parent, Path("rich.example.zone")),
        TestResponder.LoadFile(Nsec, Path("secure.rich.example.signed")),
        TestResponder.LoadFile(Nsec3, Path("secure3.rich.example.signed")),
    ]);

    public static string Path(string file) => System.IO.Path.Combine(AppContext.BaseDirectory, "testdata", "zones", "responder", file);

    public static ZoneSnapshot Get(string origin) => Snapshots.Value.Single(s => s.Origin.ToString() == origin);

    /// <summary>A responder serving the three zones (snapshots are immutable, so responders share them).</summary>
    public static TestResponder Responder(ResponderOptions? options = null, bool singleStripe = false)
    {
        var responder = new TestResponder(options, singleStripe);
        foreach (var snapshot in Snapshots.Value)
            responder.Zones.Publish(snapshot);
        return responder;
    }
}
