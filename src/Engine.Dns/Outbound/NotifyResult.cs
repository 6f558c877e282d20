using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Outbound;

/// <summary>The result of <see cref="NotifySender.SendAsync"/>.</summary>
public sealed record NotifyResult
{
    /// <summary>What the secondary did.</summary>
    public required NotifyOutcome Outcome { get; init; }

    /// <summary>The zone announced.</summary>
    public required DnsName Zone { get; init; }

    /// <summary>The secondary notified.</summary>
    public required NotifyTarget Target { get; init; }

    /// <summary>Datagrams sent (the first and its retransmissions).</summary>
    public int Attempts { get; init; }

    /// <summary>The RCODE of the secondary's answer, or null when none was accepted.</summary>
    public DnsRcode? Rcode { get; init; }

    /// <summary>Wall time from the first datagram to the answer or the last timeout.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>What went wrong, in plain words; null when acknowledged.</summary>
    public string? Error { get; init; }

    /// <summary>True when the secondary acknowledged the NOTIFY.</summary>
    public bool IsAcknowledged => Outcome == NotifyOutcome.Acknowledged;
}
