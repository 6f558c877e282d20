namespace SecondaryPortal.Dns.ZoneFiles;

/// <summary>
/// A master file (RFC 1035 §5) could not be read: says which file, where, and what was expected there.
/// The message reads "file:line:column: reason", the form compilers and named-checkzone use.
/// </summary>
public sealed class ZoneFileException : FormatException
{
    /// <summary>Creates the error at <paramref name="line"/> and <paramref name="column"/> of <paramref name="fileName"/>.</summary>
    public ZoneFileException(string reason, string fileName, int line, int column, Exception? innerException = null)
        : base($"{fileName}:{line}:{column}: {reason}", innerException)
    {
        Reason = reason;
        FileName = fileName;
        Line = line;
        Column = column;
    }

    /// <summary>What was wrong, without the position.</summary>
    public string Reason { get; }

    /// <summary>The file (or the name given to the text) that holds the error.</summary>
    public string FileName { get; }

    /// <summary>1-based line of the offending text.</summary>
    public int Line { get; }

    /// <summary>1-based column of the offending text (a tab counts as one column).</summary>
    public int Column { get; }
}
