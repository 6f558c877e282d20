namespace SecondaryPortal.Engine.Probing;

/// <summary>
/// Timeouts of <see cref="PrimaryCheck"/>: shorter than the refresh's, since a person waits for the answer. The
/// worst case is <see cref="UdpAttempts"/> × <see cref="UdpTimeout"/> plus the TCP connect and read timeouts.
/// </summary>
public sealed record PrimaryCheckOptions
{
    /// <summary>How long each UDP attempt waits for an answer.</summary>
    public TimeSpan UdpTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>UDP attempts before trying TCP (a firewall may drop UDP).</summary>
    public int UdpAttempts { get; init; } = 2;

    /// <summary>How long the TCP connection may take to open.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long the answer over TCP may take.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(3);
}
