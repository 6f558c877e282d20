using System.Net;
using System.Net.Sockets;

namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>
/// The lines a customer pastes into their primary (BIND 9, Knot DNS, NSD, PowerDNS) so that it allows our zone transfers
/// (RFC 5936 §6: a primary should restrict AXFR) and sends us NOTIFY when the zone changes (RFC 1996 §3.5), signed with
/// the TSIG key when one is used (RFC 8945). The secret itself is never written into a snippet: pages show it only in its
/// own input, so a placeholder stands in for it.
/// </summary>
public static class TransferConfigSnippets
{
    /// <summary>What stands for the secret when the caller gives none.</summary>
    public const string DefaultSecretPlaceholder = "PASTE-THE-SECRET-HERE";

    /// <summary>The four snippets for the zone <paramref name="origin"/>.</summary>
    /// <param name="origin">The zone (final dot optional).</param>
    /// <param name="transferSource">The address our transfers come from (allowed by the primary).</param>
    /// <param name="notifyTarget">Our DNS listener, where the primary sends NOTIFY.</param>
    /// <param name="keyName">The TSIG key's name, or null for none.</param>
    /// <param name="algorithm">The key's algorithm mnemonic ("hmac-sha256").</param>
    /// <param name="secretPlaceholder">What to write where the secret goes.</param>
    public static IReadOnlyList<ConfigSnippet> For(string origin, IPAddress transferSource, IPEndPoint notifyTarget, string? keyName = null,
        string? algorithm = null, string secretPlaceholder = DefaultSecretPlaceholder)
    {
        var zone = new SnippetZone(origin.TrimEnd('.'), transferSource, notifyTarget, keyName?.TrimEnd('.'), algorithm ?? "hmac-sha256", secretPlaceholder);
        return [Bind(zone), Knot(zone), Nsd(zone), PowerDns(zone)];
    }

    /// <summary>BIND 9's named.conf: a key statement, then allow-transfer and also-notify in the zone statement.</summary>
    public static ConfigSnippet Bind(SnippetZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        string key = zone.KeyName is null ? "" : $$"""
            key "{{zone.KeyName}}" {
                algorithm {{zone.Algorithm}};
                secret "{{zone.Secret}}";
            };

            """;
        string allow = zone.KeyName is null ? $"{zone.Source};" : $"key \"{zone.KeyName}\";";
        string notifyKey = zone.KeyName is null ? "" : $" key \"{zone.KeyName}\"";
        string text = key + $$"""
            zone "{{zone.Name}}" {
                type primary;
                file "{{zone.Name}}.db";   // your zone file, as now
                allow-transfer { {{allow}} };
                notify explicit;
                also-notify { {{zone.Notify.Address}} port {{zone.Notify.Port}}{{notifyKey}}; };
            };
            """;
        return new ConfigSnippet("BIND 9", "named.conf", text);
    }

    /// <summary>Knot DNS's knot.conf: key, remote, ACL (action transfer) and the zone's notify and acl.</summary>
    public static ConfigSnippet Knot(SnippetZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        string key = zone.KeyName is null ? "" : $"""
            key:
              - id: {zone.KeyName}
                algorithm: {zone.Algorithm}
                secret: {zone.Secret}

            """;
        string keyLine = zone.KeyName is null ? "" : $"\n    key: {zone.KeyName}";
        string text = key + $"""
            remote:
              - id: secondaryportal
                address: {zone.Notify.Address}@{zone.Notify.Port}{keyLine}

            acl:
              - id: secondaryportal-transfer
                address: {zone.Source}{keyLine}
                action: transfer

            zone:
              - domain: {zone.Name}
                notify: secondaryportal
                acl: secondaryportal-transfer
            """;
        return new ConfigSnippet("Knot DNS", "knot.conf", text);
    }

    /// <summary>NSD's nsd.conf: key, then provide-xfr and notify in the zone.</summary>
    public static ConfigSnippet Nsd(SnippetZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        string key = zone.KeyName is null ? "" : $"""
            key:
                name: "{zone.KeyName}"
                algorithm: {zone.Algorithm}
                secret: "{zone.Secret}"

            """;
        string keyRef = zone.KeyName ?? "NOKEY";
        string text = key + $"""
            zone:
                name: "{zone.Name}"
                zonefile: "{zone.Name}.zone"   # your zone file, as now
                provide-xfr: {zone.Source} {keyRef}
                notify: {zone.Notify.Address}@{zone.Notify.Port} {keyRef}
            """;
        return new ConfigSnippet("NSD", "nsd.conf", text);
    }

    /// <summary>PowerDNS: pdnsutil commands (key, zone metadata for transfers and NOTIFY); pdns.conf needs primary=yes.</summary>
    public static ConfigSnippet PowerDns(SnippetZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        string notify = zone.Notify.AddressFamily == AddressFamily.InterNetworkV6
            ? $"[{zone.Notify.Address}]:{zone.Notify.Port}"
            : $"{zone.Notify.Address}:{zone.Notify.Port}";
        string text = zone.KeyName is null
            ? $"""
                # pdns.conf: primary=yes
                pdnsutil set-meta {zone.Name} ALLOW-AXFR-FROM {zone.Source}
                pdnsutil set-meta {zone.Name} ALSO-NOTIFY {notify}
                """
            : $"""
                # pdns.conf: primary=yes
                pdnsutil import-tsig-key {zone.KeyName} {zone.Algorithm} '{zone.Secret}'
                pdnsutil set-meta {zone.Name} TSIG-ALLOW-AXFR {zone.KeyName}
                pdnsutil set-meta {zone.Name} ALLOW-AXFR-FROM {zone.Source}
                pdnsutil set-meta {zone.Name} ALSO-NOTIFY {notify}
                """;
        return new ConfigSnippet("PowerDNS", "shell, with pdnsutil", text);
    }
}
