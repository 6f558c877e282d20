using System.Net;
using SecondaryPortal.Dns.Tsig;

namespace SecondaryPortal.Dns.Transfer;

/// <summary>A primary name server a secondary zone is transferred from: its address and port, and the TSIG key, if any.</summary>
/// <param name="EndPoint">Address and port of the primary (port 53 as a rule).</param>
/// <param name="Key">
/// The TSIG key shared with the primary. When given, every query and transfer request is signed and every answer
/// must verify (RFC 8945 §5.4); when null, nothing is signed and TSIG records in answers are ignored.
/// </param>
public sealed record PrimaryServer(IPEndPoint EndPoint, TsigKey? Key = null)
{
    /// <summary>"192.0.2.1:53", with " (key name)" when a key is used; never the secret.</summary>
    public override string ToString() => Key is null ? EndPoint.ToString() : $"{EndPoint} (key {Key.Name})";
}
