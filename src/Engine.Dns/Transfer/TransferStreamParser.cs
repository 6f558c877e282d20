using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Transfer;

/// <summary>What the answer records of a transfer amount to so far.</summary>
internal enum TransferParseStep
{
    /// <summary>More records are needed.</summary>
    Continue,

    /// <summary>The answer is complete (see <see cref="TransferStreamParser.Outcome"/>).</summary>
    Complete,

    /// <summary>The answer breaks the protocol (see <see cref="TransferStreamParser.Error"/>).</summary>
    Failed,
}

/// <summary>
/// Reads the answer records of an AXFR (RFC 5936 §2.2) or IXFR (RFC 1995 §4) one at a time, across messages,
/// and tells when the answer is complete. An AXFR is SOA, the zone, the same SOA; no other SOA may appear. An
/// IXFR answer is one of: a single SOA (up to date when it is our serial); an AXFR-style answer (the second
/// record is not a SOA); or the new SOA followed by diffs (old SOA, deletions, new SOA, additions), each
/// starting where the previous ended, the first at our serial, the last ending at the new serial, then the
/// new SOA again. A whole zone goes into a <see cref="ZoneSnapshotBuilder"/> as it arrives, so that the zone is built
/// by the time its last message is in; its records can come as wire parts (<see cref="AddZoneRecord"/>), without a
/// record object each.
/// </summary>
internal sealed class TransferStreamParser
{
    private enum State { Start, AfterFirst, Deleting, Adding, Axfr, Done }

    private readonly DnsName _zone;
    private readonly bool _incremental;
    private readonly SoaData? _current;
    private State _state;
    private DnsRecord? _first;
    private uint _final;
    private DnsRecord? _diffOld;
    private DnsRecord? _diffNew;
    private List<DnsRecord> _deleted = [];
    private List<DnsRecord> _added = [];
    private ZoneSnapshotBuilder? _whole;

    /// <param name="zone">The zone transferred.</param>
    /// <param name="incremental">True for an IXFR request.</param>
    /// <param name="current">Our SOA: the serial an IXFR starts from, and the one a primary must not be older than.</param>
    public TransferStreamParser(DnsName zone, bool incremental, SoaData? current)
    {
        if (incremental && current is null)
            throw new ArgumentException("an IXFR needs the current SOA", nameof(current));
        _zone = zone;
        _incremental = incremental;
        _current = current;
    }

    /// <summary>Set when complete: UpToDate, PrimaryOlder, Ixfr or Axfr.</summary>
    public TransferOutcome? Outcome { get; private set; }

    /// <summary>Why the answer is broken, or why a complete answer is not applied (PrimaryOlder).</summary>
    public string? Error { get; private set; }

    /// <summary>The primary's SOA, from the first record.</summary>
    public SoaData? FinalSoa { get; private set; }

    /// <summary>True when an IXFR was answered with a whole zone (RFC 1995 §4).</summary>
    public bool AxfrStyle { get; private set; }

    /// <summary>True while an IXFR answer holds just its first SOA, newer than ours: a diff or a whole zone may follow.</summary>
    public bool AwaitingSecondRecord => _state == State.AfterFirst;

    /// <summary>The whole zone of an AXFR or an AXFR-style IXFR, built once complete: the snapshot, or what keeps it from being served.</summary>
    public ZoneBuildResult? Built { get; private set; }

    /// <summary>True while the answer is a whole zone: its records other than the SOA may come through <see cref="AddZoneRecord"/>.</summary>
    public bool TakesZoneRecords => _state == State.Axfr;

    /// <summary>The diffs of an incremental answer.</summary>
    public List<ZoneDiff> Diffs { get; } = [];

    /// <summary>Takes the next answer record.</summary>
    public TransferParseStep Add(DnsRecord record) => _state switch
    {
        State.Start => First(record),
        State.AfterFirst => Second(record),
        State.Deleting => Deleting(record),
        State.Adding => Adding(record),
        State.Axfr => Whole(record),
        _ => Fail($"a record ({Describe(record)}) follows the final SOA (RFC 5936 §2.2, RFC 1995 §4)"),
    };

    /// <summary>
    /// Takes the next record of a whole zone (<see cref="TakesZoneRecords"/>) as wire parts: the uncompressed owner name and
    /// RDATA; <paramref name="oversized"/> when the RDATA is longer than 65,535 octets uncompressed (the record is dropped,
    /// with a warning). A SOA goes to <see cref="Add"/>, which checks it.
    /// </summary>
    public void AddZoneRecord(ReadOnlySpan<byte> owner, RecordType type, DnsClass recordClass, uint ttl, ReadOnlySpan<byte> rdata, bool oversized)
    {
        if (_state != State.Axfr || type == RecordType.SOA)
            throw new InvalidOperationException("only the records of a whole zone other than its SOA come as wire parts");
        if (oversized)
            _whole!.AddOversized(owner, type);
        else
            _whole!.Add(owner, type, recordClass, ttl, rdata);
    }

    private TransferParseStep First(DnsRecord record)
    {
        if (record.Data is not SoaData soa || !record.Name.Equals(_zone))
            return Fail($"the answer starts with {Describe(record)}, not the SOA of {_zone} (RFC 5936 §2.2)");
        _first = record;
        _final = soa.Serial;
        FinalSoa = soa;
        if (_current is not null)
        {
            int? order = new SerialNumber(soa.Serial).CompareSequence(new SerialNumber(_current.Serial));
            if (order is null)
                return Complete(TransferOutcome.PrimaryOlder, $"the primary's serial {soa.Serial} is exactly 2^31 away from ours ({_current.Serial}); RFC 1982 §3.2 gives them no order, so it is not applied");
            if (order < 0)
                return Complete(TransferOutcome.PrimaryOlder, $"the primary's serial {soa.Serial} is older than ours ({_current.Serial}, RFC 1982); it is not applied");
            if (order == 0 && _incremental)
                return Complete(TransferOutcome.UpToDate);
        }
        if (_incremental)
        {
            _state = State.AfterFirst;
            return TransferParseStep.Continue;
        }
        StartWholeZone(record);
        return TransferParseStep.Continue;
    }

    private void StartWholeZone(DnsRecord soa)
    {
        _whole = new ZoneSnapshotBuilder(_zone);
        _whole.Ingest(soa);
        _state = State.Axfr;
    }

    /// <summary>The second record tells an incremental answer from an AXFR-style one (RFC 1995 §4).</summary>
    private TransferParseStep Second(DnsRecord record)
    {
        if (record.Data is not SoaData soa)
        {
            AxfrStyle = true;
            StartWholeZone(_first!);
            _whole!.Ingest(record);
            return TransferParseStep.Continue;
        }
        if (!record.Name.Equals(_zone))
            return Fail($"the IXFR answer holds a SOA of {record.Name}, not of {_zone}");
        if (soa.Serial == _final)
        {
            // A whole zone that holds nothing but its SOA.
            AxfrStyle = true;
            StartWholeZone(_first!);
            return CompleteWholeZone();
        }
        if (soa.Serial != _current!.Serial)
            return Fail($"the IXFR answer starts from serial {soa.Serial}, but we asked for the changes since serial {_current.Serial} (RFC 1995 §4)");
        _diffOld = record;
        _state = State.Deleting;
        return TransferParseStep.Continue;
    }

    private TransferParseStep Deleting(DnsRecord record)
    {
        if (record.Data is not SoaData soa)
        {
            _deleted.Add(record);
            return TransferParseStep.Continue;
        }
        if (!record.Name.Equals(_zone))
            return Fail($"the IXFR answer holds a SOA of {record.Name}, not of {_zone}");
        var from = new SerialNumber(((SoaData)_diffOld!.Data).Serial);
        var to = new SerialNumber(soa.Serial);
        if (!to.IsNewerThan(from))
            return Fail($"diff {Diffs.Count + 1} goes from serial {from} to serial {to}, which is not newer (RFC 1982)");
        if (to.IsNewerThan(new SerialNumber(_final)))
            return Fail($"diff {Diffs.Count + 1} goes to serial {to}, beyond the primary's serial {_final}");
        _diffNew = record;
        _state = State.Adding;
        return TransferParseStep.Continue;
    }

    private TransferParseStep Adding(DnsRecord record)
    {
        if (record.Data is not SoaData soa)
        {
            _added.Add(record);
            return TransferParseStep.Continue;
        }
        if (!record.Name.Equals(_zone))
            return Fail($"the IXFR answer holds a SOA of {record.Name}, not of {_zone}");
        uint reached = ((SoaData)_diffNew!.Data).Serial;
        if (reached == _final)
        {
            if (soa.Serial != _final)
                return Fail($"the diffs reached the primary's serial {_final}, but the answer goes on with serial {soa.Serial} instead of ending with the SOA (RFC 1995 §4)");
            CloseDiff();
            _state = State.Done;
            return Complete(TransferOutcome.Ixfr);
        }
        if (soa.Serial != reached)
            return Fail($"diff {Diffs.Count + 2} starts at serial {soa.Serial}, but diff {Diffs.Count + 1} ended at serial {reached} (RFC 1995 §4)");
        CloseDiff();
        _diffOld = record;
        _state = State.Deleting;
        return TransferParseStep.Continue;
    }

    /// <summary>The records of a whole zone, up to the SOA that ends it (RFC 5936 §2.2).</summary>
    private TransferParseStep Whole(DnsRecord record)
    {
        if (record.Data is not SoaData soa)
        {
            _whole!.Ingest(record);
            return TransferParseStep.Continue;
        }
        if (!record.Name.Equals(_zone) || soa.Serial != _final)
            return Fail($"a SOA of {record.Name} with serial {soa.Serial} appears in a transfer that began with serial {_final}: "
                + "a zone transfer ends with the SOA it began with and holds no other (RFC 5936 §2.2)");
        return CompleteWholeZone();
    }

    /// <summary>The zone's structure is computed as the last SOA arrives (the records went in as they came).</summary>
    private TransferParseStep CompleteWholeZone()
    {
        Built = _whole!.Finish();
        _whole = null;
        return Complete(TransferOutcome.Axfr);
    }

    private void CloseDiff()
    {
        Diffs.Add(new ZoneDiff(_diffOld!, _diffNew!, _deleted, _added));
        _deleted = [];
        _added = [];
    }

    private TransferParseStep Complete(TransferOutcome outcome, string? note = null)
    {
        Outcome = outcome;
        Error = note;
        _state = State.Done;
        return TransferParseStep.Complete;
    }

    private TransferParseStep Fail(string error)
    {
        Error = error;
        return TransferParseStep.Failed;
    }

    private static string Describe(DnsRecord record) => $"a {RecordTypeNames.ToText(record.Type)} record of {record.Name}";
}
