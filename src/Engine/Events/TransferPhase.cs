namespace SecondaryPortal.Engine.Events;

/// <summary>Where a running refresh of a secondary zone stands (see <see cref="TransferProgress"/>).</summary>
public enum TransferPhase
{
    /// <summary>Asking a primary for the zone's SOA serial.</summary>
    CheckingSoa,

    /// <summary>Receiving the zone by IXFR or AXFR.</summary>
    Transferring,

    /// <summary>Applying the diffs or building the new copy, with its checks.</summary>
    Applying,

    /// <summary>Writing the new copy to the store.</summary>
    Storing,
}
