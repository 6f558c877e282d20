namespace SecondaryPortal.Dns.Wire;

/// <summary>
/// A DNS message could not be decoded. This is the one exception the codec throws for bad input;
/// a server turns it into FORMERR at the message boundary.
/// </summary>
public sealed class DnsFormatException : Exception
{
    /// <summary>Creates the error for a field that starts at <paramref name="offset"/>.</summary>
    public DnsFormatException(DnsFormatError error, int offset, string? detail = null)
        : base(detail is null ? $"{error} at offset {offset}" : $"{error} at offset {offset}: {detail}")
    {
        Error = error;
        Offset = offset;
    }

    /// <summary>What was wrong.</summary>
    public DnsFormatError Error { get; }

    /// <summary>Offset in the message of the field that could not be decoded.</summary>
    public int Offset { get; }
}
