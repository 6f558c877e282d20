using System.Net;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Transfer;

/// <summary>The structured log events of the transfer client.</summary>
internal static partial class TransferLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "SOA of {Zone} at {Primary}: serial {Serial} over {Transport} in {Milliseconds} ms")]
    public static partial void SoaReceived(ILogger logger, DnsName zone, PrimaryServer primary, uint serial, Server.DnsTransport transport, long milliseconds);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "SOA query for {Zone} to {Primary} failed ({Outcome}): {Error}")]
    public static partial void SoaFailed(ILogger logger, DnsName zone, PrimaryServer primary, SoaQueryOutcome outcome, string? error);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information,
        Message = "{Outcome} of {Zone} from {Primary}: serial {Serial}, {Records} records in {Messages} messages, {Bytes} octets, {Milliseconds} ms")]
    public static partial void TransferDone(ILogger logger, TransferOutcome outcome, DnsName zone, PrimaryServer primary, uint? serial,
        long records, int messages, long bytes, long milliseconds);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Transfer of {Zone} from {Primary} failed ({Outcome}), serial {Serial}: {Error}")]
    public static partial void TransferFailed(ILogger logger, DnsName zone, PrimaryServer primary, TransferOutcome outcome, uint? serial, string? error);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "IXFR of {Zone} from {Primary} since serial {Serial} falls back to AXFR: {Reason}")]
    public static partial void FallingBack(ILogger logger, DnsName zone, PrimaryServer primary, uint serial, string reason);
}
