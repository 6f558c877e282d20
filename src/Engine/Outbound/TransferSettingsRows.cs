using System.Net;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Engine.Outbound;

/// <summary>Stored rows of the transfer settings turned into their typed forms.</summary>
internal static class TransferSettingsRows
{
    /// <summary>The NOTIFY target a row describes.</summary>
    /// <exception cref="FormatException">The row holds an address or key name that does not parse (edited by hand).</exception>
    public static NotifyTargetSetting ToSetting(ZoneNotifyTarget row) =>
        new(new IPEndPoint(IPAddress.Parse(row.Address), row.Port), row.KeyName is null ? null : DnsName.Parse(row.KeyName));
}
