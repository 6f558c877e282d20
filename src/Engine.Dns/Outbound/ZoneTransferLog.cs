using System.Net;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Outbound;

/// <summary>The structured log events of the outgoing transfers.</summary>
internal static partial class ZoneTransferLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information,
        Message = "{Kind} of {Zone} (serial {Serial}) to {Remote}, key {Key}: {Records} records in {Messages} messages, {Bytes} octets, {Milliseconds} ms")]
    public static partial void Served(ILogger logger, TransferResponseKind kind, DnsName zone, uint serial, IPEndPoint remote, DnsName? key,
        long records, int messages, long bytes, long milliseconds);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "{Type} request for {Zone} from {Remote}, key {Key}, answered {Rcode}: {Reason}")]
    public static partial void Rejected(ILogger logger, RecordType type, DnsName? zone, IPEndPoint remote, DnsName? key, DnsRcode rcode, string? reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information,
        Message = "{Kind} of {Zone} (serial {Serial}) to {Remote} ended after {Messages} messages and {Records} records: the connection closed first")]
    public static partial void Abandoned(ILogger logger, TransferResponseKind kind, DnsName zone, uint serial, IPEndPoint remote, int messages, long records);
}
