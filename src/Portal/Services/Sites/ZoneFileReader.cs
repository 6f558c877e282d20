using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneFiles;

namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>
/// Parses a zone file pasted or uploaded in the wizard and lists its errors with their line numbers. The parser stops at
/// the first error; to list more in one go, the faulty line is blanked and the text parsed again (line numbers stay the
/// same), up to <see cref="MaxErrors"/> errors. $INCLUDE is refused: a pasted file may not read the server's files.
/// </summary>
public static class ZoneFileReader
{
    /// <summary>The most errors listed for one file.</summary>
    public const int MaxErrors = 20;

    /// <summary>The largest text accepted (characters): 16 MiB, a zone of some 200,000 records.</summary>
    public const int MaxLength = 16 * 1024 * 1024;

    private static readonly ZoneFileOptions Options = new() { AllowInclude = false, MaxGenerateRecords = 65536 };

    /// <summary>The records of <paramref name="text"/> for the zone <paramref name="origin"/>, or its errors (records null).</summary>
    public static (IReadOnlyList<DnsRecord>? Records, IReadOnlyList<ZoneFileError> Errors) Read(string? text, DnsName origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (string.IsNullOrWhiteSpace(text))
            return (null, [new ZoneFileError(0, "The zone file is empty: paste its text or choose a file.")]);
        if (text.Length > MaxLength)
            return (null, [new ZoneFileError(0, $"The zone file is larger than {MaxLength / 1024 / 1024} MiB; import it with the command line (zone import).")]);
        var errors = new List<ZoneFileError>();
        string[] lines = text.ReplaceLineEndings("\n").Split('\n');
        var blanked = new HashSet<int>();
        while (true)
        {
            try
            {
                var records = ZoneFileParser.Parse(string.Join('\n', lines), origin, Options);
                if (errors.Count > 0)
                    return (null, errors);
                if (records.Count == 0)
                    return (null, [new ZoneFileError(0, "The zone file holds no records.")]);
                return (records, []);
            }
            catch (ZoneFileException e)
            {
                errors.Add(new ZoneFileError(e.Line, e.Reason));
                // Stop when the line cannot be blanked (past the text, or blanked already: the error is not on that line alone).
                if (errors.Count >= MaxErrors || e.Line < 1 || e.Line > lines.Length || !blanked.Add(e.Line))
                    return (null, errors);
                lines[e.Line - 1] = "";
            }
        }
    }
}
