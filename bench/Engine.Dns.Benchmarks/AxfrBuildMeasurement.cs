using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Dns.ZoneFiles;

namespace SecondaryPortal.Dns.Benchmarks;

/// <summary>
/// The secondary's CPU from the first AXFR message to a built snapshot, the primary taken out of the measure: the generated
/// zone is written beforehand as compressed AXFR messages of 1,000 records (about 30 KB, as BIND sends them), which a
/// loopback TCP primary in this process sends as fast as <see cref="ZoneTransferClient"/> reads. Run:
/// <c>dotnet run -c Release --project bench/Engine.Dns.Benchmarks -- axfr-build 1000000 [rounds]</c>.
/// </summary>
public static class AxfrBuildMeasurement
{
    public static void Run(int records, int rounds)
    {
        var origin = DnsName.Parse("bench.example.");
        string path = Path.Combine(Path.GetTempPath(), $"axfr-build-{records}.zone");
        ZoneLoadMeasurement.WriteZone(path, records);
        var messages = Messages(origin, ZoneFileParser.ReadFile(path, origin).ToList());
        File.Delete(path);
        Console.WriteLine($"{messages.Count:N0} messages, {messages.Sum(m => (long)m.Length) / 1048576.0:F1} MiB");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var primary = new PrimaryServer((IPEndPoint)listener.LocalEndpoint);
        var client = new ZoneTransferClient(TimeProvider.System, NullLogger<ZoneTransferClient>.Instance,
            new ZoneTransferClientOptions());
        for (int round = 0; round < rounds; round++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            int gen0 = GC.CollectionCount(0), gen2 = GC.CollectionCount(2);
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            var serving = ServeAsync(listener, messages);
            var clock = Stopwatch.StartNew();
            var result = client.TransferAsync(origin, primary, null).GetAwaiter().GetResult();
            var elapsed = clock.Elapsed;
            serving.GetAwaiter().GetResult();
            var snapshot = result.Built?.Snapshot ?? throw new InvalidOperationException($"{result.Outcome}: {result.Error}");
            var sorting = Stopwatch.StartNew();
            _ = snapshot.Records().Take(10).Count(); // past the apex: the canonical order is sorted on first use
            var applying = Stopwatch.StartNew();
            var soa = snapshot.Soa;
            var old = (SoaData)soa.Data;
            var next = new DnsRecord(soa.Name, soa.Ttl, new SoaData(old.PrimaryServer, old.ResponsibleMailbox, old.Serial + 1, old.Refresh, old.Retry, old.Expire, old.Minimum));
            var added = new DnsRecord(DnsName.Parse("added-by-ixfr", origin), 300, new TxtData("one change"));
            var patched = snapshot.Apply([new ZoneDiff(soa, next, [], [added])]);
            Console.WriteLine($"  an IXFR of one record applied in {applying.Elapsed.TotalMilliseconds:F1} ms ({(patched.Succeeded ? "ok" : string.Join("; ", patched.Errors))})");
            Console.WriteLine($"round {round + 1}: received and built in {elapsed.TotalMilliseconds:F0} ms, sorted on first use in {sorting.ElapsedMilliseconds} ms; "
                + $"{(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0:F0} MiB allocated, "
                + $"{GC.CollectionCount(0) - gen0} gen0 / {GC.CollectionCount(2) - gen2} gen2 collections; {snapshot.RecordCount:N0} records");
        }
    }

    /// <summary>
    /// The same client against a real primary (BIND, Knot): receiving and building <paramref name="zone"/> from
    /// <paramref name="primary"/>, <paramref name="rounds"/> times. Run:
    /// <c>dotnet run -c Release --project bench/Engine.Dns.Benchmarks -- axfr-from 127.0.0.1:5300 bench.example. [rounds]</c>.
    /// </summary>
    public static void RunAgainst(IPEndPoint primary, DnsName zone, int rounds)
    {
        var client = new ZoneTransferClient(TimeProvider.System, NullLogger<ZoneTransferClient>.Instance, new ZoneTransferClientOptions());
        for (int round = 0; round < rounds; round++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var cpu = Environment.CpuUsage.TotalTime;
            var paused = GC.GetTotalPauseDuration();
            var clock = Stopwatch.StartNew();
            var result = client.TransferAsync(zone, new PrimaryServer(primary), null).GetAwaiter().GetResult();
            var elapsed = clock.Elapsed;
            paused = GC.GetTotalPauseDuration() - paused;
            var snapshot = result.Built?.Snapshot ?? throw new InvalidOperationException($"{result.Outcome}: {result.Error}");
            Console.WriteLine($"round {round + 1}: {snapshot.RecordCount:N0} records in {result.MessageCount:N0} messages received and built in "
                + $"{elapsed.TotalMilliseconds:F0} ms, {(Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds:F0} ms of CPU, GC pauses {paused.TotalMilliseconds:F0} ms");
        }
    }

    /// <summary>Answers one AXFR request with the messages, their ID set to the request's.</summary>
    private static async Task ServeAsync(TcpListener listener, List<byte[]> messages)
    {
        using var socket = await listener.AcceptSocketAsync();
        var length = new byte[2];
        await socket.ReceiveAsync(length);
        var request = new byte[BinaryPrimitives.ReadUInt16BigEndian(length)];
        for (int read = 0; read < request.Length;)
            read += await socket.ReceiveAsync(request.AsMemory(read));
        foreach (var message in messages)
        {
            var framed = new byte[message.Length + 2];
            BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)message.Length);
            message.CopyTo(framed, 2);
            framed[2] = request[0];
            framed[3] = request[1];
            await socket.SendAsync(framed);
        }
        socket.Shutdown(SocketShutdown.Send);
    }

    private static List<byte[]> Messages(DnsName origin, List<DnsRecord> zone)
    {
        var soa = zone.First(record => record.Type == RecordType.SOA);
        var stream = new List<DnsRecord> { soa };
        stream.AddRange(zone.Where(record => record.Type != RecordType.SOA));
        stream.Add(soa);
        var messages = new List<byte[]>();
        for (int start = 0; start < stream.Count; start += 1000)
        {
            var message = new DnsMessage { Flags = DnsHeaderFlags.QR | DnsHeaderFlags.AA };
            if (start == 0)
                message.Questions.Add(new DnsQuestion(origin, RecordType.AXFR));
            message.Answers.AddRange(stream.Skip(start).Take(1000));
            messages.Add(message.ToArray());
        }
        return messages;
    }
}
