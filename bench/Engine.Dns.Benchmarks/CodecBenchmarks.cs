using System.Net;
using BenchmarkDotNet.Attributes;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Benchmarks;

/// <summary>
/// The responder's hot path in the protocol library: read a typical query, write a typical response
/// into a caller's buffer. Both must allocate nothing. Full message decoding is measured for comparison.
/// </summary>
[MemoryDiagnoser]
public class CodecBenchmarks
{
    private byte[] _query = [];
    private byte[] _responseBytes = [];
    private readonly byte[] _buffer = new byte[1232];
    private DnsRecord[] _answers = [];
    private DnsRecord[] _authority = [];
    private DnsRecord[] _glue = [];

    [GlobalSetup]
    public void Setup()
    {
        var zone = DnsName.Parse("example.com.");
        var www = DnsName.Parse("www.example.com.");
        _query = DnsMessage.CreateQuery(www, RecordType.A, 0x1234, new Edns { UdpPayloadSize = 1232 }, recursionDesired: true).ToArray();
        _answers = [new DnsRecord(www, 300, new AData(IPAddress.Parse("192.0.2.1"))), new DnsRecord(www, 300, new AData(IPAddress.Parse("192.0.2.2")))];
        var ns1 = DnsName.Parse("ns1.example.com.");
        var ns2 = DnsName.Parse("ns2.example.com.");
        _authority = [new DnsRecord(zone, 3600, new NsData(ns1)), new DnsRecord(zone, 3600, new NsData(ns2))];
        _glue = [new DnsRecord(ns1, 3600, new AData(IPAddress.Parse("192.0.2.53"))), new DnsRecord(ns2, 3600, new AaaaData(IPAddress.Parse("2001:db8::53")))];
        IncomingQuery.TryRead(_query, out _);
        int length = WriteTypicalResponse();
        _responseBytes = _buffer.AsSpan(0, length).ToArray();
    }

    /// <summary>Reads header, question and EDNS of "www.example.com. A" with EDNS.</summary>
    [Benchmark]
    public RecordType ParseQuery()
    {
        IncomingQuery.TryRead(_query, out var query);
        return query.Type;
    }

    /// <summary>Writes an answer of two A records, two NS in authority and two glue addresses, with compression and OPT.</summary>
    [Benchmark]
    public int WriteResponse() => WriteTypicalResponse();

    /// <summary>Decodes the same response into objects (the transfer path; allocates by design).</summary>
    [Benchmark]
    public int ParseResponseFully() => DnsMessage.Parse(_responseBytes).Answers.Count;

    private int WriteTypicalResponse()
    {
        IncomingQuery.TryRead(_query, out var query);
        var writer = new DnsResponseWriter(_buffer, query.UdpPayloadSize);
        writer.Begin(query, _query, DnsHeaderFlags.AA);
        foreach (var record in _answers)
            writer.TryAdd(DnsSection.Answer, record);
        foreach (var record in _authority)
            writer.TryAdd(DnsSection.Authority, record);
        foreach (var record in _glue)
            writer.TryAdd(DnsSection.Additional, record);
        return writer.Finish(DnsRcode.NoError, truncated: false);
    }
}
