namespace SecondaryPortal.Engine.Zones;

/// <summary>A saved primary as the portal shows it.</summary>
/// <param name="Id">Its row.</param>
/// <param name="OwnerId">The owning account, or null for an administrator's.</param>
/// <param name="Name">The label the customer gave it.</param>
/// <param name="Address">The IP address in canonical text form.</param>
/// <param name="Port">The port.</param>
/// <param name="TsigKeyId">The TSIG key that signs the traffic to it, or null.</param>
/// <param name="TsigKeyName">That key's name, or null.</param>
/// <param name="ZonesUsing">How many of the owner's zones have a primary at this address and port.</param>
/// <param name="CreatedAt">When it was saved.</param>
public sealed record SavedPrimaryInfo(long Id, string? OwnerId, string Name, string Address, int Port, long? TsigKeyId, string? TsigKeyName, int ZonesUsing,
    DateTimeOffset CreatedAt)
{
    /// <summary>"192.0.2.1:53" or "[2001:db8::1]:53".</summary>
    public string EndPoint => new System.Net.IPEndPoint(System.Net.IPAddress.Parse(Address), Port).ToString();
}
