using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Tests.Interop;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Tests.Lookup;

/// <summary>
/// tests/testdata/zones/responder: rich.example. unsigned, and its children secure.rich.example. (NSEC) and
/// secure3.rich.example. (NSEC3 with opt-out) signed here with fresh keys, their DS records added to the
/// parent. The same three files are served by BIND 9 and loaded into our responder.
/// </summary>
public sealed class DifferentialFixture : IAsyncLifetime
{
    public const string Parent = "rich.example.";
    public const string Nsec = "secure.rich.example.";
    public const string Nsec3 = "secure3.rich.example.";

    /// <summary>BIND's answer policy set to ours: no NS RRset in the authority section of positive answers, one RRset for ANY over UDP.</summary>
    private const string BindOptions = """
        minimal-responses no-auth;
        minimal-any yes;
        answer-cookie no;
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"sp-differential-{Guid.NewGuid():N}");

    internal BindServer Bind { get; private set; } = null!;

    internal TestResponder Ours { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        string source = Path.Combine(AppContext.BaseDirectory, "testdata", "zones", "responder");
        string parent = Path.Combine(_directory, "rich.example.zone");
        File.Copy(Path.Combine(source, "rich.example.zone"), parent);
        string nsec = await SignAsync(source, Nsec, nsec3: false);
        string nsec3 = await SignAsync(source, Nsec3, nsec3: true);
        foreach (var dsset in Directory.GetFiles(_directory, "dsset-*"))
            File.AppendAllText(parent, File.ReadAllText(dsset));
        var zones = new[] { (Parent, parent), (Nsec, nsec), (Nsec3, nsec3) };
        Bind = await BindServer.StartZonesAsync(zones, BindOptions);
        Ours = new TestResponder(new ResponderOptions { AnyPolicy = AnyPolicy.MinimalOverUdp });
        foreach (var (zone, file) in zones)
            Ours.Zones.Publish(TestResponder.LoadFile(zone, file));
    }

    public async Task DisposeAsync()
    {
        if (Bind is not null)
            await Bind.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Signs a child zone with a new KSK and ZSK (ECDSA P-256) and returns the signed file's path.</summary>
    private async Task<string> SignAsync(string source, string zone, bool nsec3)
    {
        string unsigned = Path.Combine(_directory, zone + "zone");
        File.Copy(Path.Combine(source, zone + "zone"), unsigned);
        foreach (var flags in new[] { "-f KSK ", "" })
            await RunAsync("dnssec-keygen", $"-q -K {_directory} -a ECDSAP256SHA256 -n ZONE {flags}{zone}");
        string signed = Path.Combine(_directory, zone + "signed");
        string chain = nsec3 ? "-3 - -A " : "";
        await RunAsync("dnssec-signzone", $"-q -S -K {_directory} -d {_directory} {chain}-o {zone} -f {signed} {unsigned}");
        return signed;
    }

    private static async Task RunAsync(string tool, string arguments)
    {
        var (exitCode, output) = await ExternalServer.RunToolAsync(tool, arguments);
        Assert.True(exitCode == 0, $"{tool} {arguments} failed: {output}");
    }
}
