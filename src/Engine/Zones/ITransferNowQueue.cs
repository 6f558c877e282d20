using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Zones;

/// <summary>
/// Makes a person's "Transfer now" (or "Force full AXFR") durable: the request stored for the engine is its fast path; a
/// job queued here sees that it was carried out, after a restart too, and shows its outcome where admins look at jobs.
/// </summary>
public interface ITransferNowQueue
{
    /// <summary>Queues the check that a refresh of <paramref name="zone"/> asked for at <paramref name="requestedAt"/> runs and ends.</summary>
    void Enqueue(DnsName zone, bool fullTransfer, DateTimeOffset requestedAt);
}
