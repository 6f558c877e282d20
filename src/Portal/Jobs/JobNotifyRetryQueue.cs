using System.Net;
using Hangfire;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Jobs;
using SecondaryPortal.Engine.Outbound;

namespace SecondaryPortal.Portal.Jobs;

/// <summary>Retries an unanswered NOTIFY as a <see cref="NotifyRetryJob"/>, first a minute later, then with its back-off.</summary>
public sealed class JobNotifyRetryQueue(IBackgroundJobClient jobs) : INotifyRetryQueue
{
    /// <summary>The wait before the first retry: the sender has just spent its own retransmissions.</summary>
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMinutes(1);

    /// <inheritdoc/>
    public void Retry(DnsName zone, uint serial, IPEndPoint secondary)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(secondary);
        string origin = zone.ToString(), target = secondary.ToString();
        jobs.Schedule<NotifyRetryJob>(job => job.RunAsync(origin, serial, target, CancellationToken.None), FirstDelay);
    }
}
