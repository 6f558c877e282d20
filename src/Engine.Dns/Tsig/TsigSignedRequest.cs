namespace SecondaryPortal.Dns.Tsig;

/// <summary>
/// What a client keeps after signing a request, to verify the response: the key and the request MAC,
/// which the response's digest covers (RFC 8945 §4.3.1).
/// </summary>
public sealed class TsigSignedRequest
{
    private readonly byte[] _mac;

    internal TsigSignedRequest(TsigKey key, ushort id, ulong timeSigned, ReadOnlySpan<byte> mac)
    {
        Key = key;
        Id = id;
        TimeSigned = timeSigned;
        _mac = mac.ToArray();
    }

    /// <summary>The key the request was signed with; the response must use the same (RFC 8945 §5.3).</summary>
    public TsigKey Key { get; }

    /// <summary>The request's message ID.</summary>
    public ushort Id { get; }

    /// <summary>When the request was signed, in seconds since 1970.</summary>
    public ulong TimeSigned { get; }

    /// <summary>The request MAC as sent.</summary>
    public ReadOnlyMemory<byte> Mac => _mac;
}
