using Hangfire;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Jobs;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Portal.Jobs;

/// <summary>Queues a <see cref="TransferNowJob"/> beside each "Transfer now" and "Force full AXFR".</summary>
public sealed class JobTransferNowQueue(IBackgroundJobClient jobs) : ITransferNowQueue
{
    /// <inheritdoc/>
    public void Enqueue(DnsName zone, bool fullTransfer, DateTimeOffset requestedAt)
    {
        ArgumentNullException.ThrowIfNull(zone);
        string origin = zone.ToString();
        jobs.Enqueue<TransferNowJob>(job => job.RunAsync(origin, fullTransfer, requestedAt, CancellationToken.None));
    }
}
