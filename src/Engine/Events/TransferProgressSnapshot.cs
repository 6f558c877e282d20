namespace SecondaryPortal.Engine.Events;

/// <summary>A running refresh of one secondary zone, as <see cref="TransferProgress"/> saw it at one moment.</summary>
/// <param name="Origin">The zone, in lowercase presentation form ("example.com.").</param>
/// <param name="Phase">What the refresh is doing.</param>
/// <param name="Primary">The primary asked now ("192.0.2.1:53"), or null before the first is asked.</param>
/// <param name="Messages">Transfer messages received so far from this primary (0 outside <see cref="TransferPhase.Transferring"/> and after).</param>
/// <param name="Records">Records received so far from this primary.</param>
/// <param name="Bytes">Octets received so far from this primary.</param>
/// <param name="StartedAt">When the refresh started.</param>
public sealed record TransferProgressSnapshot(string Origin, TransferPhase Phase, string? Primary, int Messages, long Records, long Bytes, DateTimeOffset StartedAt);
