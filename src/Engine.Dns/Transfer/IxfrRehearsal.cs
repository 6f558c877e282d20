using System.Net;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Transfer;

/// <summary>
/// Runs the code an IXFR goes through once, on a zone of a few records that is never served: the answer's records read
/// by the transfer parser (RFC 1995 §4 diff sequence), then applied to the served copy (<see cref="ZoneSnapshot.Apply"/>:
/// a changed name, a name removed with its empty non-terminal, a name added below a new one). The first change to a real
/// zone in a process otherwise waits on the JIT for about 150 methods, mostly generic collections over our own types that
/// no ReadyToRun image holds, and that compiling would be nearly the whole of the change's latency.
/// </summary>
public static class IxfrRehearsal
{
    private static readonly DnsName Origin = DnsName.Parse("rehearsal.invalid."); // RFC 6761 §6.4: never a real zone

    /// <summary>Rehearses one IXFR; the result is the patched snapshot and the diffs, for the caller's own next steps.</summary>
    public static IxfrRehearsalResult Run()
    {
        DnsRecord oldSoa = Soa(1), newSoa = Soa(2);
        DnsRecord changed = Record("www", new AData(IPAddress.Parse("192.0.2.2"))), removed = Record("old.gone", new TxtData("removed with its parent"));
        var zone = ZoneSnapshot.Build(Origin,
        [
            oldSoa,
            Record("@", new NsData(Name("ns"))),
            Record("ns", new AData(IPAddress.Parse("192.0.2.1"))),
            changed,
            removed,
        ]).Snapshot ?? throw new InvalidOperationException("the rehearsal zone does not build");
        var parser = new TransferStreamParser(Origin, incremental: true, (SoaData)oldSoa.Data);
        DnsRecord[] answer =
        [
            newSoa, oldSoa,
            changed, removed,
            newSoa,
            Record("www", new AData(IPAddress.Parse("192.0.2.3"))), Record("new.added", new TxtData("added below a new name")),
            newSoa,
        ];
        var step = TransferParseStep.Continue;
        foreach (var record in answer)
            step = parser.Add(record);
        if (step != TransferParseStep.Complete || parser.Outcome != TransferOutcome.Ixfr)
            throw new InvalidOperationException($"the rehearsal IXFR does not parse: {parser.Error}");
        var applied = zone.Apply(parser.Diffs);
        return new IxfrRehearsalResult(applied, parser.Diffs);
    }

    private static DnsRecord Soa(uint serial) =>
        new(Origin, 3600, new SoaData(Name("ns"), Name("hostmaster"), serial, 3600, 600, 86400, 300));

    private static DnsRecord Record(string owner, RecordData data) => new(owner == "@" ? Origin : Name(owner), 300, data);

    private static DnsName Name(string relative) => DnsName.Parse(relative, Origin);
}
