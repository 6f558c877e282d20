using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Analytics;
using SecondaryPortal.Engine.Tests.Support;

namespace SecondaryPortal.Engine.Tests.Analytics;

/// <summary>Writes analytics rows the way the aggregator does, for tests that read them back.</summary>
internal static class AnalyticsRows
{
    public static QueryAggregateKey Minute(DateTimeOffset at, string zone = "example.com.", RecordType type = RecordType.A, DnsRcode rcode = DnsRcode.NoError,
        DnsTransport transport = DnsTransport.Udp, IpVersion ip = IpVersion.V4, string node = "local", string client = "other") =>
        new(60, Bucket(at, 60), zone, (int)type, (int)rcode, (int)transport, (int)ip, node, client);

    public static QueryAggregateKey Hour(DateTimeOffset at, string zone = "example.com.", RecordType type = RecordType.A, DnsRcode rcode = DnsRcode.NoError) =>
        Minute(at, zone, type, rcode) with { Resolution = 3600, BucketStart = Bucket(at, 3600) };

    /// <summary>Adds the counts to both the minute row and its hour row, as a fold does.</summary>
    public static async Task AddAsync(TempStore store, params (QueryAggregateKey Minute, long Count)[] counts)
    {
        var rows = new Dictionary<QueryAggregateKey, long>();
        foreach (var (minute, count) in counts)
        {
            rows[minute] = rows.GetValueOrDefault(minute) + count;
            var hour = minute with { Resolution = 3600, BucketStart = minute.BucketStart - minute.BucketStart % 3600 };
            rows[hour] = rows.GetValueOrDefault(hour) + count;
        }
        await WriteAsync(store, rows, new Dictionary<QueryTopNameKey, long>());
    }

    public static async Task WriteAsync(TempStore store, IReadOnlyDictionary<QueryAggregateKey, long> rows, IReadOnlyDictionary<QueryTopNameKey, long> topNames, int kept = 100)
    {
        await using var context = store.CreateContext();
        await AnalyticsStoreWriter.WriteAsync(context, rows, topNames, kept, CancellationToken.None);
    }

    public static long Bucket(DateTimeOffset at, int width) => at.ToUnixTimeSeconds() - at.ToUnixTimeSeconds() % width;
}
