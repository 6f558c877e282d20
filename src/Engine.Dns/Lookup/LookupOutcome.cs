namespace SecondaryPortal.Dns.Lookup;

/// <summary>Where the RFC 1034 §4.3.2 walk down a zone ended.</summary>
internal enum LookupOutcome : byte
{
    /// <summary>The name exists (possibly an empty non-terminal).</summary>
    Exact,
    /// <summary>The name does not exist but a wildcard at its closest encloser matches (RFC 4592 §3.3.1).</summary>
    Wildcard,
    /// <summary>A zone cut at or above the name: refer (RFC 1034 §4.3.2 step 3b).</summary>
    Delegation,
    /// <summary>A DNAME above the name: substitute (RFC 6672 §3.1).</summary>
    Dname,
    /// <summary>The name does not exist and no wildcard matches.</summary>
    NxDomain,
}
