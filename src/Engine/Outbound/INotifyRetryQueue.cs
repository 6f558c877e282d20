using System.Net;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Outbound;

/// <summary>
/// Where an announcement that no answer came back for goes to be retried later, durably (the job system), until the
/// secondary answers or a newer serial supersedes it.
/// </summary>
public interface INotifyRetryQueue
{
    /// <summary>Retries announcing <paramref name="serial"/> of <paramref name="zone"/> to <paramref name="secondary"/> later.</summary>
    void Retry(DnsName zone, uint serial, IPEndPoint secondary);
}
