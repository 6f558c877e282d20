namespace SecondaryPortal.Engine.Persistence;

/// <summary>What one line of a zone's transfer history records.</summary>
public enum TransferLogKind
{
    /// <summary>A SOA query found a newer serial at the primary; a transfer follows.</summary>
    SoaCheck,

    /// <summary>The changes arrived by IXFR and were applied.</summary>
    Ixfr,

    /// <summary>The whole zone arrived by AXFR (or as an AXFR-style answer to an IXFR).</summary>
    Axfr,

    /// <summary>The primary has the serial we serve: nothing to transfer.</summary>
    UpToDate,

    /// <summary>The SOA query or the transfer failed, or the transferred zone was not valid.</summary>
    Failed,
}
