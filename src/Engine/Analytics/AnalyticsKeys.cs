using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Analytics;

/// <summary>
/// How the dimensions of a count are stored and shown: types and codes as their numbers (0 and 65535 stand for the
/// ones the counters do not track one by one), transports and IP versions as small numbers, the queries for no zone of
/// ours under the empty zone name.
/// </summary>
public static class AnalyticsKeys
{
    /// <summary>Stands for the query types not tracked one by one (0 is reserved as a QTYPE, RFC 6895 §3.1).</summary>
    public const RecordType OtherType = 0;

    /// <summary>Stands for the response codes not tracked one by one (65535 is reserved, RFC 6895 §2.3).</summary>
    public const DnsRcode OtherRcode = (DnsRcode)65535;

    /// <summary>The resolution, in seconds, of minute rows (aggregates kept for the minute retention).</summary>
    public const int MinuteRows = 60;

    /// <summary>The resolution of hour rows: aggregates, and top names of an hour.</summary>
    public const int HourRows = 3600;

    /// <summary>The resolution of day rows: top names of a day.</summary>
    public const int DayRows = 86400;

    /// <summary>The zone column of queries outside every zone.</summary>
    public const string NoZone = "";

    /// <summary>The stored form of a query type.</summary>
    public static int TypeKey(RecordType? type) => (int)(type ?? OtherType);

    /// <summary>The stored form of a response code.</summary>
    public static int RcodeKey(DnsRcode? rcode) => (int)(rcode ?? OtherRcode);

    /// <summary>The stored form of a zone.</summary>
    public static string ZoneKey(DnsName? zone) => zone?.ToString() ?? NoZone;

    /// <summary>How a stored query type is shown: its mnemonic, or "OTHER".</summary>
    public static string TypeLabel(int type) => type == (int)OtherType ? "OTHER" : ((RecordType)type).ToString();

    /// <summary>How a stored response code is shown: its mnemonic in capitals (RFC 6895 §2.3), or "OTHER".</summary>
    public static string RcodeLabel(int rcode) => rcode == (int)OtherRcode ? "OTHER" : ((DnsRcode)rcode).ToString().ToUpperInvariant();

    /// <summary>How a transport is shown.</summary>
    public static string TransportLabel(int transport) => transport == (int)DnsTransport.Tcp ? "TCP" : "UDP";

    /// <summary>How an IP version is shown.</summary>
    public static string IpVersionLabel(int version) => version == (int)IpVersion.V6 ? "IPv6" : "IPv4";
}
