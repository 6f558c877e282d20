namespace SecondaryPortal.Engine.Tests.Support.Peers;

/// <summary>
/// BIND 9 as the primary of one zone on loopback: dynamic updates from 127.0.0.1, NOTIFY sent at once (notify-delay 0)
/// to our server's port, IXFR from its journal (and, with <c>ixfrFromDifferences</c>, from reloaded zone files).
/// </summary>
public sealed class BindPrimary : PeerServer
{
    private BindPrimary()
    {
    }

    /// <param name="allowTransfer">
    /// The zone's allow-transfer list ("none;"); by default any address, or only the key when <paramref name="key"/> is given.
    /// </param>
    public static async Task<BindPrimary> StartAsync(string zone, string zoneFileText, int notifyPort, InteropKey? key = null, bool ixfrFromDifferences = true,
        string? allowTransfer = null)
    {
        var server = new BindPrimary();
        try
        {
            server.WriteZoneFile(zoneFileText);
            File.WriteAllText(Path.Combine(server.Directory, "named.conf"), server.Config(zone, notifyPort, key, ixfrFromDifferences, allowTransfer));
            server.Start("named", $"-g -n 1 -4 -c {server.Directory}/named.conf");
            await server.WaitUntilServingAsync(zone);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public void WriteZoneFile(string text) => File.WriteAllText(Path.Combine(Directory, "zone.db"), text);

    private string Config(string zone, int notifyPort, InteropKey? key, bool ixfrFromDifferences, string? allowTransfer)
    {
        string keyBlock = key is null ? "" : $$"""key "{{key.Name}}" { algorithm {{key.Algorithm}}; secret "{{key.SecretBase64}}"; };""";
        string transfer = allowTransfer ?? (key is null ? "any;" : $"key {key.Name};");
        // Dynamic updates keep a journal; without ixfr-from-differences a reloaded file leaves no history to answer IXFR from.
        string update = ixfrFromDifferences ? "allow-update { 127.0.0.1; };" : "";
        return $$"""
            options {
                directory "{{Directory}}";
                pid-file "{{Directory}}/named.pid";
                session-keyfile "{{Directory}}/session.key";
                managed-keys-directory "{{Directory}}";
                listen-on port {{Port}} { 127.0.0.1; };
                listen-on-v6 { none; };
                recursion no;
                dnssec-validation no;
                notify-delay 0;
                ixfr-from-differences {{(ixfrFromDifferences ? "yes" : "no")}};
            };
            controls { };
            {{keyBlock}}
            zone "{{zone}}" {
                type primary;
                file "{{Directory}}/zone.db";
                allow-transfer { {{transfer}} };
                {{update}}
                notify explicit;
                also-notify { 127.0.0.1 port {{notifyPort}}; };
            };
            """;
    }
}
