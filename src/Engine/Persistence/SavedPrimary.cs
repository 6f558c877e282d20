namespace SecondaryPortal.Engine.Persistence;

/// <summary>
/// A primary server an account saved under a name to reuse across its zones (like Cloudflare's "peers"). Zones copy its
/// address, port and key into their own <see cref="ZonePrimary"/> rows; updating it
/// carries a change over to the owner's zones that use it.
/// </summary>
public sealed class SavedPrimary
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>The Identity user id of the owning account, or null for one saved by an administrator from the command line.</summary>
    public string? OwnerId { get; set; }

    /// <summary>The label the customer gave it ("office BIND"); unique per owner.</summary>
    public required string Name { get; set; }

    /// <summary>The primary's IP address in text form ("192.0.2.1", "2001:db8::1").</summary>
    public required string Address { get; set; }

    /// <summary>The primary's port (53 as a rule).</summary>
    public int Port { get; set; }

    /// <summary>The TSIG key that signs the traffic to it, or null for none.</summary>
    public long? TsigKeyId { get; set; }

    /// <summary>When it was saved.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
