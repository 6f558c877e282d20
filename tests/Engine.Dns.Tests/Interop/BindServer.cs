namespace SecondaryPortal.Dns.Tests.Interop;

/// <summary>BIND 9 (Debian's named) on loopback: the primary of one zone (IXFR from differences and dynamic update by default), or a secondary.</summary>
internal sealed class BindServer : ExternalServer
{
    private BindServer()
    {
    }

    /// <summary>
    /// Starts named as the primary of <paramref name="zone"/>. Without <paramref name="ixfrFromDifferences"/> it keeps
    /// no history of reloads, so an IXFR from a serial it never had is answered with the whole zone.
    /// </summary>
    public static async Task<BindServer> StartAsync(string zone, string zoneFileText, InteropKey? key = null, bool ixfrFromDifferences = true)
    {
        var server = new BindServer();
        File.WriteAllText(Path.Combine(server.Directory, "zone.db"), zoneFileText);
        return await server.RunAsync(zone, server.Config(zone, key, ixfrFromDifferences));
    }

    /// <summary>
    /// Starts named as a secondary of <paramref name="zone"/>, transferring it from a primary on 127.0.0.1 port
    /// <paramref name="primaryPort"/> (signing its requests with <paramref name="key"/> when given) and taking NOTIFY
    /// from 127.0.0.1; returns once it serves the zone.
    /// </summary>
    public static async Task<BindServer> StartSecondaryAsync(string zone, int primaryPort, InteropKey? key = null)
    {
        var server = new BindServer();
        string keyBlock = key is null ? "" : $$"""key "{{key.Name}}" { algorithm {{key.Algorithm}}; secret "{{key.SecretBase64}}"; };""";
        string keyClause = key is null ? "" : $" key \"{key.Name}\"";
        return await server.RunAsync(zone, server.Options(ixfrFromDifferences: false) + $$"""

            {{keyBlock}}
            zone "{{zone}}" {
                type secondary;
                file "{{server.Directory}}/secondary.db";
                primaries { 127.0.0.1 port {{primaryPort}}{{keyClause}}; };
                allow-notify { 127.0.0.1; };
            };
            """);
    }

    private Task<BindServer> RunAsync(string zone, string config) => RunAsync([zone], config);

    private async Task<BindServer> RunAsync(IEnumerable<string> zones, string config)
    {
        try
        {
            File.WriteAllText(Path.Combine(Directory, "named.conf"), config);
            Start("named", $"-g -n 1 -4 -c {Directory}/named.conf");
            foreach (var zone in zones)
                await WaitUntilServingAsync(zone);
            return this;
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// BIND serving several primary zones from files already written, with extra option lines (for example
    /// "minimal-responses no-auth;") so a differential test can match its answer policy.
    /// </summary>
    public static async Task<BindServer> StartZonesAsync(IReadOnlyList<(string Zone, string FilePath)> zones, string extraOptions)
    {
        var server = new BindServer();
        var zoneBlocks = string.Join("\n", zones.Select(z => $$"""zone "{{z.Zone}}" { type primary; file "{{z.FilePath}}"; };"""));
        return await server.RunAsync(zones.Select(z => z.Zone), server.Options(ixfrFromDifferences: false, extraOptions) + "\n" + zoneBlocks);
    }

    private string Options(bool ixfrFromDifferences, string extraOptions = "minimal-responses no;") => $$"""
        options {
            directory "{{Directory}}";
            pid-file "{{Directory}}/named.pid";
            session-keyfile "{{Directory}}/session.key";
            managed-keys-directory "{{Directory}}";
            listen-on port {{Port}} { 127.0.0.1; };
            listen-on-v6 { none; };
            recursion no;
            dnssec-validation no;
            notify no;
            ixfr-from-differences {{(ixfrFromDifferences ? "yes" : "no")}};
            {{extraOptions}}
        };
        controls { };
        """;

    private string Config(string zone, InteropKey? key, bool ixfrFromDifferences)
    {
        string keyBlock = key is null ? "" : $$"""key "{{key.Name}}" { algorithm {{key.Algorithm}}; secret "{{key.SecretBase64}}"; };""";
        string transfer = key is null ? "any;" : $"key {key.Name};";
        return Options(ixfrFromDifferences) + $$"""

            {{keyBlock}}
            zone "{{zone}}" {
                type primary;
                file "{{Directory}}/zone.db";
                allow-transfer { {{transfer}} };
                allow-update { 127.0.0.1; };
            };
            """;
    }
}
