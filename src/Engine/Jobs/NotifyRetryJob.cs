using System.Globalization;
using System.Net;
using Hangfire;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Outbound;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Outbound;

namespace SecondaryPortal.Engine.Jobs;

/// <summary>
/// Announces a serial again to a secondary that did not answer its NOTIFY (RFC 1996 §3.6 leaves retrying to the
/// primary): the sender's own retransmissions first, then this job with a growing back-off until the secondary answers.
/// It ends at once when the announcement no longer holds: the zone is gone, serves another serial (which is announced
/// on its own), or the secondary is no longer one of its NOTIFY targets.
/// </summary>
public sealed partial class NotifyRetryJob(
    ZoneTable table,
    TransferSettingsCache settings,
    NotifySender sender,
    ITsigKeyLookup keys,
    ILogger<NotifyRetryJob> logger)
{
    /// <summary>
    /// Sends the NOTIFY; throws when the secondary does not answer, so that the job system retries it later.
    /// <paramref name="secondary"/> is an address and port as <see cref="IPEndPoint.ToString"/> writes it.
    /// </summary>
    [JobDisplayName("NOTIFY {0} serial {1} to {2}")]
    // The back-off between attempts grows from a minute to six hours: about a day in all.
    [AutomaticRetry(Attempts = 13, DelaysInSeconds = [60, 120, 300, 600, 1800, 3600, 3600, 7200, 7200, 14400, 14400, 21600, 21600])]
    public async Task RunAsync(string zone, uint serial, string secondary, CancellationToken cancellationToken)
    {
        var origin = DnsName.Parse(zone);
        var endPoint = IPEndPoint.Parse(secondary);
        if (!StillHolds(origin, serial, endPoint, out var snapshotSoa, out var target))
            return;
        var result = await sender.SendAsync(origin, snapshotSoa, target, cancellationToken);
        if (!result.IsAcknowledged && result.Outcome is NotifyOutcome.Timeout or NotifyOutcome.NetworkError)
            throw new NotifyNotAnsweredException(zone, serial, secondary, result.Error);
        LogAnswered(logger, zone, serial, secondary, result.Outcome);
    }

    private bool StillHolds(DnsName origin, uint serial, IPEndPoint endPoint, out DnsRecord soa, out NotifyTarget target)
    {
        soa = null!;
        target = null!;
        if (table.Get(origin) is not { } snapshot || snapshot.Serial != serial)
            return false;
        var setting = settings.NotifyTargets.Where(zone => zone.Zone == origin).SelectMany(zone => zone.Targets)
            .FirstOrDefault(candidate => candidate.EndPoint.Equals(endPoint));
        if (setting is null)
            return false;
        TsigKey? key = null;
        if (setting.KeyName is { } keyName && !keys.Keyring.TryFind(keyName, out key))
            return false; // the key was removed: the NOTIFY service logs that for every pass
        soa = snapshot.Soa;
        target = new NotifyTarget(endPoint, key);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "NOTIFY for {Zone} serial {Serial} answered by {Secondary} on a later try ({Outcome})")]
    private static partial void LogAnswered(ILogger logger, string zone, uint serial, string secondary, NotifyOutcome outcome);

    /// <summary>The secondary did not answer; the job system retries the job later.</summary>
    private sealed class NotifyNotAnsweredException(string zone, uint serial, string secondary, string? error)
        : Exception(string.Create(CultureInfo.InvariantCulture, $"NOTIFY for {zone} serial {serial}: {secondary} did not answer ({error})"));
}
