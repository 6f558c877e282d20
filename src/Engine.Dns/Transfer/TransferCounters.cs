namespace SecondaryPortal.Dns.Transfer;

/// <summary>
/// What one transfer received, over all its connections, checked against the configured bounds; reported to
/// <paramref name="progress"/> once per message (a struct, so reporting allocates nothing).
/// </summary>
internal sealed class TransferCounters(ZoneTransferClientOptions options, IProgress<TransferProgressReport>? progress = null)
{
    public int Messages { get; private set; }

    public long Bytes { get; private set; }

    public long Records { get; private set; }

    /// <summary>Counts a message; the bound it went past, in words, or null.</summary>
    public string? AddMessage(int length)
    {
        Messages++;
        Bytes += length;
        if (Messages > options.MaxMessages)
            return $"the transfer went past {options.MaxMessages} messages";
        return Bytes > options.MaxBytes ? $"the transfer went past {options.MaxBytes} octets" : null;
    }

    /// <summary>Counts answer records; the bound they went past, in words, or null.</summary>
    public string? AddRecords(int count)
    {
        Records += count;
        progress?.Report(new TransferProgressReport(Messages, Records, Bytes));
        return Records > options.MaxRecords ? $"the transfer went past {options.MaxRecords} records" : null;
    }
}
