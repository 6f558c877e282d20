namespace SecondaryPortal.Engine.Persistence;

/// <summary>A secondary to send NOTIFY to (RFC 1996) when an authoritative zone changes.</summary>
public sealed class ZoneNotifyTarget
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>The zone this target belongs to.</summary>
    public long ZoneId { get; set; }

    /// <summary>The secondary's IP address, in its normal text form; with <see cref="Port"/>, unique per zone.</summary>
    public required string Address { get; set; }

    /// <summary>The secondary's port (53 as a rule).</summary>
    public int Port { get; set; }

    /// <summary>The name of the TSIG key the NOTIFY is signed with, or null to send it unsigned.</summary>
    public string? KeyName { get; set; }
}
