namespace SecondaryPortal.Dns.Tests.Interop;

/// <summary>BIND 9 (Debian's named) serving one primary zone on loopback, with IXFR from differences and dynamic update.</summary>
internal sealed class BindServer : ExternalServer
{
    private BindServer()
    {
    }

    public static async Task<BindServer> StartAsync(string zone, string zoneFileText, InteropKey? key = null)
    {
        var server = new BindServer();
        try
        {
            File.WriteAllText(Path.Combine(server.Directory, "zone.db"), zoneFileText);
            File.WriteAllText(Path.Combine(server.Directory, "named.conf"), server.Config(zone, key));
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

    /// <summary>
    /// BIND serving several primary zones from files already written, with extra option lines (for example
    /// "minimal-responses no-auth;") so a differential test can match its answer policy.
    /// </summary>
    public static async Task<BindServer> StartZonesAsync(IReadOnlyList<(string Zone, string FilePath)> zones, string extraOptions)
    {
        var server = new BindServer();
        try
        {
            var zoneBlocks = string.Join("\n", zones.Select(z => $$"""zone "{{z.Zone}}" { type primary; file "{{z.FilePath}}"; };"""));
            File.WriteAllText(Path.Combine(server.Directory, "named.conf"), $$"""
                options {
                    directory "{{server.Directory}}";
                    pid-file "{{server.Directory}}/named.pid";
                    session-keyfile "{{server.Directory}}/session.key";
                    managed-keys-directory "{{server.Directory}}";
                    listen-on port {{server.Port}} { 127.0.0.1; };
                    listen-on-v6 { none; };
                    recursion no;
                    dnssec-validation no;
                    notify no;
                    {{extraOptions}}
                };
                controls { };
                {{zoneBlocks}}
                """);
            server.Start("named", $"-g -n 1 -4 -c {server.Directory}/named.conf");
            foreach (var (zone, _) in zones)
                await server.WaitUntilServingAsync(zone);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private string Config(string zone, InteropKey? key)
    {
        string keyBlock = key is null ? "" : $$"""key "{{key.Name}}" { algorithm {{key.Algorithm}}; secret "{{key.SecretBase64}}"; };""";
        string transfer = key is null ? "any;" : $"key {key.Name};";
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
                notify no;
                ixfr-from-differences yes;
                minimal-responses no;
            };
            controls { };
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
