namespace SecondaryPortal.Dns.Transfer;

/// <summary>
/// How far a running transfer got, reported after each message received (see
/// <see cref="ZoneTransferClient.TransferAsync(Wire.DnsName, PrimaryServer, Records.SoaData?, IProgress{TransferProgressReport}?, CancellationToken)"/>).
/// The counts run over the whole call: an IXFR that falls back to AXFR keeps counting on the second connection.
/// </summary>
/// <param name="Messages">Messages received so far.</param>
/// <param name="Records">Answer records received so far.</param>
/// <param name="Bytes">Octets of messages received so far.</param>
public readonly record struct TransferProgressReport(int Messages, long Records, long Bytes);
