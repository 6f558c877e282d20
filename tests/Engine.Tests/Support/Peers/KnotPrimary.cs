namespace SecondaryPortal.Engine.Tests.Support.Peers;

/// <summary>Knot DNS as the primary of one zone on loopback: dynamic updates and transfers from loopback, NOTIFY to our server's port, a journal unless told not to keep one.</summary>
public sealed class KnotPrimary : PeerServer
{
    private KnotPrimary()
    {
    }

    public static async Task<KnotPrimary> StartAsync(string zone, string zoneFileText, int notifyPort, InteropKey? key = null, bool journal = true)
    {
        var server = new KnotPrimary();
        try
        {
            File.WriteAllText(Path.Combine(server.Directory, "zone.db"), zoneFileText);
            File.WriteAllText(Path.Combine(server.Directory, "knot.conf"), server.Config(zone, notifyPort, key, journal));
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

    private string Config(string zone, int notifyPort, InteropKey? key, bool journal)
    {
        string keySection = key is null ? "" : $"""
            key:
              - id: {key.Name}
                algorithm: {key.Algorithm}
                secret: {key.SecretBase64}
            """;
        string keyRef = key is null ? "" : $"\n    key: {key.Name}";
        return $"""
            server:
              listen: 127.0.0.1@{Port}
              rundir: {Directory}
            database:
              storage: {Directory}
            log:
              - target: stderr
                any: info
            {keySection}
            remote:
              - id: secondary
                address: 127.0.0.1@{notifyPort}{keyRef}
            acl:
              - id: loopback
                address: 127.0.0.0/8
                action: [transfer, update]{keyRef}
            template:
              - id: default
                storage: {Directory}
                zonefile-sync: -1
                journal-content: {(journal ? "changes" : "none")}
            zone:
              - domain: {zone}
                file: zone.db
                notify: secondary
                acl: loopback
            """;
    }
}
