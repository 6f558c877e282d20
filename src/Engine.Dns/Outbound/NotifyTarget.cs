using System.Net;
using SecondaryPortal.Dns.Tsig;

namespace SecondaryPortal.Dns.Outbound;

/// <summary>A secondary to notify of a zone change: its address and port, and the TSIG key to sign with, if any.</summary>
/// <param name="EndPoint">Address and port of the secondary.</param>
/// <param name="Key">When given, the NOTIFY is signed and the answer must verify with this key (RFC 8945 §5.4).</param>
public sealed record NotifyTarget(IPEndPoint EndPoint, TsigKey? Key = null)
{
    /// <summary>"192.0.2.2:53", with " (key name)" when a key is used; never the secret.</summary>
    public override string ToString() => Key is null ? EndPoint.ToString() : $"{EndPoint} (key {Key.Name})";
}
