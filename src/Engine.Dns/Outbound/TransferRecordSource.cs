using SecondaryPortal.Dns.Messages;

namespace SecondaryPortal.Dns.Outbound;

/// <summary>
/// The records of an outgoing transfer in the order they are sent, written one at a time into messages
/// by a <see cref="TransferResponseStream"/>: a cursor, so nothing but the current position is held.
/// </summary>
internal abstract class TransferRecordSource
{
    /// <summary>True once every record was written.</summary>
    public abstract bool IsDone { get; }

    /// <summary>Records written so far.</summary>
    public long Written { get; protected set; }

    /// <summary>
    /// Writes the current record into the answer section and moves past it; false, with nothing written and
    /// the position kept, when it does not fit (the next message takes it).
    /// </summary>
    public abstract bool TryWrite(ref DnsResponseWriter writer);
}
