namespace SecondaryPortal.Dns.Tests.Interop;

/// <summary>BIND 9 and Knot serving tests/testdata/zones/interop.example.zone, shared by the tests of a class.</summary>
public sealed class PeerServersFixture : IAsyncLifetime
{
    public const string Zone = "interop.example.";

    internal BindServer Bind { get; private set; } = null!;

    internal KnotServer Knot { get; private set; } = null!;

    public static string ZoneText => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "testdata", "zones", "interop.example.zone"));

    internal ExternalServer Get(string peer) => peer switch
    {
        "bind" => Bind,
        "knot" => Knot,
        _ => throw new ArgumentOutOfRangeException(nameof(peer)),
    };

    public async Task InitializeAsync()
    {
        var bind = BindServer.StartAsync(Zone, ZoneText);
        var knot = KnotServer.StartAsync(Zone, ZoneText);
        Bind = await bind;
        Knot = await knot;
    }

    public async Task DisposeAsync()
    {
        if (Bind is not null)
            await Bind.DisposeAsync();
        if (Knot is not null)
            await Knot.DisposeAsync();
    }
}
