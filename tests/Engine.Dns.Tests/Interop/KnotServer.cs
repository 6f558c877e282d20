namespace SecondaryPortal.Dns.Tests.Interop;

/// <summary>Knot DNS serving one primary zone on loopback, by default with a journal so it can answer IXFR after an update.</summary>
internal sealed class KnotServer : ExternalServer
{
    private KnotServer()
    {
    }

    /// <summary>Starts knotd as the primary of <paramref name="zone"/>; without <paramref name="journal"/> it keeps no history to answer IXFR from.</summary>
    public static async Task<KnotServer> StartAsync(string zone, string zoneFileText, InteropKey? key = null, bool journal = true)
    {
        var server = new KnotServer();
        try
        {
            File.WriteAllText(Path.Combine(server.Directory, "zone.db"), zoneFileText);
            File.WriteAllText(Path.Combine(server.Directory, "knot.conf"), server.Config(zone, key, journal));
            server.Start("knotd", $"-c {server.Directory}/knot.conf");
            await server.WaitUntilServingAsync(zone);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts knotd as a secondary of <paramref name="zone"/>, transferring it from a primary on 127.0.0.1 port
    /// <paramref name="primaryPort"/> (signing with <paramref name="key"/> when given) and taking NOTIFY from loopback;
    /// returns once it serves the zone.
    /// </summary>
    public static async Task<KnotServer> StartSecondaryAsync(string zone, int primaryPort, InteropKey? key = null)
    {
        var server = new KnotServer();
        try
        {
            File.WriteAllText(Path.Combine(server.Directory, "knot.conf"), server.SecondaryConfig(zone, primaryPort, key));
            server.Start("knotd", $"-c {server.Directory}/knot.conf");
            await server.WaitUntilServingAsync(zone);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private string SecondaryConfig(string zone, int primaryPort, InteropKey? key) => Header(key) + $"""

        remote:
          - id: primary
            address: 127.0.0.1@{primaryPort}{KeyReference(key)}
        acl:
          - id: notify-from-loopback
            address: 127.0.0.0/8
            action: notify{KeyReference(key)}
        template:
          - id: default
            storage: {Directory}
            zonefile-sync: -1
        zone:
          - domain: {zone}
            file: secondary.db
            master: primary
            acl: notify-from-loopback
        """;

    private string Config(string zone, InteropKey? key, bool journal) => Header(key) + $"""

        acl:
          - id: loopback
            address: 127.0.0.0/8
            action: [transfer, update]{KeyReference(key)}
        template:
          - id: default
            storage: {Directory}
            zonefile-sync: -1
            journal-content: {(journal ? "changes" : "none")}
        zone:
          - domain: {zone}
            file: zone.db
            acl: loopback
        """;

    /// <summary>The sections every configuration shares: where to listen and keep state, logging, the key.</summary>
    private string Header(InteropKey? key)
    {
        string keySection = key is null ? "" : $"""

            key:
              - id: {key.Name}
                algorithm: {key.Algorithm}
                secret: {key.SecretBase64}
            """;
        return $"""
            server:
              listen: 127.0.0.1@{Port}
              rundir: {Directory}
            database:
              storage: {Directory}
            log:
              - target: stderr
                any: info
            """ + keySection;
    }

    private static string KeyReference(InteropKey? key) => key is null ? "" : $"\n    key: {key.Name}";
}
