using System.Net.Sockets;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Transfer;

/// <summary>
/// The result of <see cref="ZoneTransferClient.TransferAsync(Wire.DnsName, PrimaryServer, Records.SoaData?, CancellationToken)"/>. Nothing partial is ever returned: unless the
/// outcome is <see cref="TransferOutcome.Axfr"/> or <see cref="TransferOutcome.Ixfr"/>, <see cref="Built"/> is null and
/// <see cref="Diffs"/> is empty.
/// </summary>
public sealed record TransferResult
{
    /// <summary>How the transfer ended.</summary>
    public required TransferOutcome Outcome { get; init; }

    /// <summary>The zone transferred.</summary>
    public required DnsName Zone { get; init; }

    /// <summary>The primary it came from.</summary>
    public required PrimaryServer Primary { get; init; }

    /// <summary>
    /// For <see cref="TransferOutcome.Axfr"/>: the whole zone, built as its records arrived (<see cref="ZoneSnapshot.Build"/>'s
    /// checks): the snapshot to serve, or the errors that keep it from being served, with the warnings (records dropped).
    /// </summary>
    public ZoneBuildResult? Built { get; init; }

    /// <summary>For <see cref="TransferOutcome.Ixfr"/>: the changes from our serial to the primary's, oldest first (apply with <see cref="ZoneDiff.TryApply"/>).</summary>
    public IReadOnlyList<ZoneDiff> Diffs { get; init; } = [];

    /// <summary>
    /// The primary's SOA: the zone's new SOA after a transfer, the current one for <see cref="TransferOutcome.UpToDate"/>
    /// and <see cref="TransferOutcome.PrimaryOlder"/>; null when no SOA was received.
    /// </summary>
    public SoaData? Soa { get; init; }

    /// <summary>The error RCODE that ended the transfer, when one did.</summary>
    public DnsRcode? Rcode { get; init; }

    /// <summary>
    /// For <see cref="TransferOutcome.BadTsig"/> when the primary rejected our signature: the TSIG error it gave (BADKEY,
    /// BADSIG, BADTIME, RFC 8945 §5.2); null otherwise.
    /// </summary>
    public DnsRcode? TsigError { get; init; }

    /// <summary>The socket error when the TCP connection could not be opened (ConnectionRefused: nothing listens); null otherwise.</summary>
    public SocketError? SocketError { get; init; }

    /// <summary>Messages received, over every connection of the transfer (an AXFR fallback included).</summary>
    public int MessageCount { get; init; }

    /// <summary>Octets of messages received (without the two-octet TCP length prefixes).</summary>
    public long ByteCount { get; init; }

    /// <summary>Records received in answer sections.</summary>
    public long RecordCount { get; init; }

    /// <summary>Wall time of the transfer, from the first connection to the last message.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>
    /// Why an IXFR ended as a full transfer, in plain words: the primary answered AXFR-style (RFC 1995 §4), or the
    /// IXFR failed (an error RCODE, a broken diff sequence, an answer for another serial) and an AXFR followed.
    /// Null when no IXFR was asked for, or it succeeded.
    /// </summary>
    public string? FallbackReason { get; init; }

    /// <summary>What went wrong, in plain words for logs and the zone's transfer history; null on success.</summary>
    public string? Error { get; init; }

    /// <summary>True for <see cref="TransferOutcome.UpToDate"/>, <see cref="TransferOutcome.Ixfr"/> and <see cref="TransferOutcome.Axfr"/>.</summary>
    public bool IsSuccess => Outcome is TransferOutcome.UpToDate or TransferOutcome.Ixfr or TransferOutcome.Axfr;

    /// <summary>True when an IXFR was asked for and the zone came whole.</summary>
    public bool FellBackToAxfr => FallbackReason is not null;
}
