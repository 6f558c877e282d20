using System.Security.Cryptography;
using SecondaryPortal.Dns.Tsig;

namespace SecondaryPortal.Dns.Tests.Tsig;

/// <summary>
/// An independent, deliberately plain TSIG signer for known-answer tests: the digest is assembled field by
/// field from the layout of RFC 8945 §4.3 in a byte list, and the HMAC comes from
/// System.Security.Cryptography's one-shot functions (SHA-224 from the RFC 4231-tested helper). Nothing
/// here uses the production digest or writer code.
/// </summary>
internal static class ReferenceTsig
{
    /// <summary>A signed message and the MAC it carries.</summary>
    public sealed record SignedMessage(byte[] Bytes, byte[] Mac);

    public const ushort Fudge = 300;

    public static byte[] Hmac(TsigAlgorithm algorithm, byte[] secret, byte[] data) => algorithm.Mnemonic switch
    {
        "hmac-md5" => HMACMD5.HashData(secret, data),
        "hmac-sha1" => HMACSHA1.HashData(secret, data),
        "hmac-sha224" => HmacSha224.Compute(secret, data),
        "hmac-sha256" => HMACSHA256.HashData(secret, data),
        "hmac-sha384" => HMACSHA384.HashData(secret, data),
        "hmac-sha512" => HMACSHA512.HashData(secret, data),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>A signed request: digest = message + TSIG variables (RFC 8945 §4.3.3).</summary>
    public static SignedMessage SignRequest(byte[] message, TestKey key, ulong timeSigned, int? macSize = null) =>
        Sign(message, key, requestMac: null, timeSigned, error: 0, other: [], macSize);

    /// <summary>A signed response: digest = request MAC (size + octets) + message + TSIG variables (RFC 8945 §4.3.1).</summary>
    public static SignedMessage SignResponse(byte[] message, TestKey key, byte[] requestMac, ulong timeSigned, ushort error = 0, byte[]? other = null) =>
        Sign(message, key, requestMac, timeSigned, error, other ?? [], macSize: null);

    /// <summary>
    /// A later message of a stream: digest = prior MAC (size + octets) + the unsigned messages since + this
    /// message + time signed and fudge only (RFC 8945 §4.3.2).
    /// </summary>
    public static SignedMessage SignContinuation(byte[] message, TestKey key, byte[] priorMac, IEnumerable<byte[]> unsignedSince, ulong timeSigned)
    {
        var digest = new List<byte>();
        digest.AddRange(U16(priorMac.Length));
        digest.AddRange(priorMac);
        foreach (var unsigned in unsignedSince)
            digest.AddRange(unsigned);
        digest.AddRange(message);
        digest.AddRange(U48(timeSigned));
        digest.AddRange(U16(Fudge));
        var mac = Hmac(key.Algorithm, key.Secret, [.. digest]);
        return new SignedMessage(Append(message, Record(key, timeSigned, mac, Id(message), 0, [])), mac);
    }

    public static byte[] WireName(string dotted)
    {
        var bytes = new List<byte>();
        foreach (var label in dotted.TrimEnd('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(System.Text.Encoding.ASCII.GetBytes(label));
        }
        bytes.Add(0);
        return [.. bytes];
    }

    /// <summary>The TSIG resource record: owner, TYPE 250, CLASS ANY, TTL 0, RDLENGTH, RDATA (RFC 8945 §4.2).</summary>
    public static byte[] Record(TestKey key, ulong timeSigned, byte[] mac, ushort originalId, ushort error, byte[] other, ushort fudge = Fudge)
    {
        var rdata = new List<byte>();
        rdata.AddRange(WireName(key.AlgorithmName));
        rdata.AddRange(U48(timeSigned));
        rdata.AddRange(U16(fudge));
        rdata.AddRange(U16(mac.Length));
        rdata.AddRange(mac);
        rdata.AddRange(U16(originalId));
        rdata.AddRange(U16(error));
        rdata.AddRange(U16(other.Length));
        rdata.AddRange(other);
        var record = new List<byte>();
        record.AddRange(WireName(key.Name));
        record.AddRange([0x00, 0xFA, 0x00, 0xFF, 0, 0, 0, 0]);
        record.AddRange(U16(rdata.Count));
        record.AddRange(rdata);
        return [.. record];
    }

    /// <summary>The message with <paramref name="record"/> appended and ARCOUNT increased.</summary>
    public static byte[] Append(byte[] message, byte[] record)
    {
        var signed = message.Concat(record).ToArray();
        int additional = ((signed[10] << 8) | signed[11]) + 1;
        signed[10] = (byte)(additional >> 8);
        signed[11] = (byte)additional;
        return signed;
    }

    public static byte[] U16(int value) => [(byte)(value >> 8), (byte)value];

    public static byte[] U48(ulong value) => [(byte)(value >> 40), (byte)(value >> 32), (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    public static ushort Id(byte[] message) => (ushort)((message[0] << 8) | message[1]);

    private static SignedMessage Sign(byte[] message, TestKey key, byte[]? requestMac, ulong timeSigned, ushort error, byte[] other, int? macSize)
    {
        var digest = new List<byte>();
        if (requestMac is not null)
        {
            digest.AddRange(U16(requestMac.Length));
            digest.AddRange(requestMac);
        }
        digest.AddRange(message);
        digest.AddRange(WireName(key.Name.ToLowerInvariant()));
        digest.AddRange([0x00, 0xFF, 0, 0, 0, 0]); // class ANY, TTL 0
        digest.AddRange(WireName(key.AlgorithmName.ToLowerInvariant()));
        digest.AddRange(U48(timeSigned));
        digest.AddRange(U16(Fudge));
        digest.AddRange(U16(error));
        digest.AddRange(U16(other.Length));
        digest.AddRange(other);
        var mac = Hmac(key.Algorithm, key.Secret, [.. digest]);
        if (macSize is { } size)
            mac = mac[..size];
        return new SignedMessage(Append(message, Record(key, timeSigned, mac, Id(message), error, other)), mac);
    }
}
