namespace SecondaryPortal.Dns.Presentation;

/// <summary>Presentation-format text (a record in a zone file) is not valid; says where and what was expected.</summary>
public sealed class PresentationException : FormatException
{
    /// <summary>Creates the error at a line and column.</summary>
    public PresentationException(string message, int line, int column)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    /// <summary>1-based line of the offending text (0 when not from a file).</summary>
    public int Line { get; }

    /// <summary>1-based column of the offending text.</summary>
    public int Column { get; }
}
