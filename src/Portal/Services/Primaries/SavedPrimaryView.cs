namespace SecondaryPortal.Portal.Services.Primaries;

/// <summary>A saved primary as the primaries page and the API show it (never a key's secret).</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its label.</param>
/// <param name="Address">The IP address in normal text form.</param>
/// <param name="Port">The port.</param>
/// <param name="KeyName">The TSIG key's name, or null when unsigned.</param>
/// <param name="CreatedAt">When it was saved.</param>
/// <param name="OwnerId">The owning account (null: saved by an administrator from the command line).</param>
/// <param name="Zones">The owner's zones whose primaries include this address and port.</param>
public sealed record SavedPrimaryView(long Id, string Name, string Address, int Port, string? KeyName, DateTimeOffset CreatedAt, string? OwnerId,
    IReadOnlyList<PrimaryZoneUse> Zones)
{
    /// <summary>"192.0.2.1:53" or "[2001:db8::1]:53".</summary>
    public string EndPoint => new System.Net.IPEndPoint(System.Net.IPAddress.Parse(Address), Port).ToString();
}
