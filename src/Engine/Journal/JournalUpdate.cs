namespace SecondaryPortal.Engine.Journal;

/// <summary>What an import did to its zone's journal.</summary>
internal enum JournalUpdate
{
    /// <summary>The diff was added (older entries dropped as the size bound requires).</summary>
    Appended,

    /// <summary>The history cannot continue (serial not newer, old version unreadable, diff too large): the journal was emptied.</summary>
    Cleared,
}
