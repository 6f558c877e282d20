namespace SecondaryPortal.Engine.Records;

/// <summary>The outcome of an <see cref="AuthoritativeRecordEditor"/> change, with a message fit to show a user.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Message">One sentence: what was stored, or why not.</param>
/// <param name="Field">The field at fault when <see cref="RecordEditStatus.Invalid"/> (and for refusals about one field); else null.</param>
/// <param name="Serial">The zone's SOA serial after the edit (the new one when saved, the unchanged one otherwise; 0 when unknown).</param>
public sealed record RecordEditResult(RecordEditStatus Status, string Message, RecordField? Field, uint Serial)
{
    /// <summary>True when the change is stored.</summary>
    public bool Succeeded => Status == RecordEditStatus.Saved;
}
