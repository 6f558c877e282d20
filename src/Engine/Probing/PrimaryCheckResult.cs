using System.Net;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Probing;

/// <summary>The result of <see cref="PrimaryCheck.CheckAsync"/>.</summary>
/// <param name="Outcome">What the check found.</param>
/// <param name="Zone">The zone asked about.</param>
/// <param name="Primary">The primary asked.</param>
/// <param name="KeyName">The TSIG key the query was signed with, or null when unsigned.</param>
/// <param name="Serial">The zone's SOA serial at the primary; set only when <see cref="Outcome"/> is <see cref="PrimaryCheckOutcome.Ok"/>.</param>
/// <param name="Duration">How long the check took, retries and the TCP attempt included.</param>
/// <param name="Message">One sentence fit to show a user: what happened and what to check. Never an exception's text.</param>
/// <param name="Detail">The transfer client's technical account of the failure, for logs and a "details" toggle; null on success.</param>
public sealed record PrimaryCheckResult(
    PrimaryCheckOutcome Outcome,
    DnsName Zone,
    IPEndPoint Primary,
    DnsName? KeyName,
    uint? Serial,
    TimeSpan Duration,
    string Message,
    string? Detail)
{
    /// <summary>True when the primary serves the zone to us.</summary>
    public bool IsOk => Outcome == PrimaryCheckOutcome.Ok;
}
