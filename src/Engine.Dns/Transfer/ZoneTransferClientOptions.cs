namespace SecondaryPortal.Dns.Transfer;

/// <summary>
/// Timeouts and bounds of <see cref="ZoneTransferClient"/>. The bounds keep a hostile or broken primary from
/// holding a transfer open forever or filling memory: past any of them the transfer ends with
/// <see cref="TransferOutcome.Timeout"/> or <see cref="TransferOutcome.LimitExceeded"/>.
/// </summary>
public sealed record ZoneTransferClientOptions
{
    /// <summary>How long each UDP attempt of a SOA query waits for an answer.</summary>
    public TimeSpan UdpTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>UDP attempts of a SOA query (the same datagram is sent again after each timeout).</summary>
    public int UdpAttempts { get; init; } = 3;

    /// <summary>
    /// When every UDP attempt of a SOA query went unanswered, ask once more over TCP (a firewall may drop UDP).
    /// A truncated (TC) UDP answer always moves the query to TCP (RFC 7766 §5).
    /// </summary>
    public bool SoaTcpFallback { get; init; } = true;

    /// <summary>The UDP payload size announced with EDNS in SOA queries (RFC 6891 §6.2.5).</summary>
    public ushort UdpPayloadSize { get; init; } = 1232;

    /// <summary>How long a TCP connection to the primary may take to open.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the primary may take to deliver each whole message over TCP.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one <see cref="ZoneTransferClient.TransferAsync(Wire.DnsName, PrimaryServer, Records.SoaData?, CancellationToken)"/> may take in all, an AXFR fallback included.</summary>
    public TimeSpan TransferTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Most messages one transfer may take (some primaries send one record per message).</summary>
    public int MaxMessages { get; init; } = 10_000_000;

    /// <summary>Most records one transfer may take (every record of the answer sections, SOA records included).</summary>
    public long MaxRecords { get; init; } = 10_000_000;

    /// <summary>Most octets of messages one transfer may take (a million-record zone is some 30 MB on the wire).</summary>
    public long MaxBytes { get; init; } = 1L << 30;

    /// <summary>Throws when a value is out of range, so a bad configuration fails at start-up, not mid-transfer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A timeout is not positive, or a count is below 1.</exception>
    public void Validate()
    {
        foreach (var (value, name) in new[] { (UdpTimeout, nameof(UdpTimeout)), (ConnectTimeout, nameof(ConnectTimeout)), (ReadTimeout, nameof(ReadTimeout)), (TransferTimeout, nameof(TransferTimeout)) })
        {
            if (value <= TimeSpan.Zero)
                throw new ArgumentOutOfRangeException(name, value, "a timeout must be positive");
        }
        if (UdpAttempts < 1)
            throw new ArgumentOutOfRangeException(nameof(UdpAttempts), UdpAttempts, "at least one UDP attempt");
        if (MaxMessages < 1 || MaxRecords < 1 || MaxBytes < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxMessages), "the message, record and byte bounds must be at least 1");
    }
}
