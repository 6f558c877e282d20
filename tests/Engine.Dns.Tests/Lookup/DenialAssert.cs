using System.Security.Cryptography;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Lookup;

/// <summary>Checks on NSEC and NSEC3 proofs, computed independently of the responder.</summary>
internal static class DenialAssert
{
    /// <summary>True when the NSEC's range (owner, next) strictly contains <paramref name="name"/>, wrapping at the end of the chain.</summary>
    public static bool Covers(DnsRecord nsec, DnsName name)
    {
        var next = ((NsecData)nsec.Data).NextName;
        return nsec.Name < next ? nsec.Name < name && name < next : nsec.Name < name || name < next;
    }

    /// <summary>RFC 5155 §5 hash of <paramref name="name"/>, as the base32hex owner label.</summary>
    public static string Hash(DnsName name, ushort iterations, byte[] salt)
    {
        byte[] hash = SHA1.HashData([.. name.ToLowerCase().Wire, .. salt]);
        for (int i = 0; i < iterations; i++)
            hash = SHA1.HashData([.. hash, .. salt]);
        return Base32Hex.Encode(hash).ToLowerInvariant();
    }

    /// <summary>The NSEC3 whose owner hash equals the hash of <paramref name="name"/>, or null.</summary>
    public static DnsRecord? Matching(IEnumerable<DnsRecord> records, DnsName name)
    {
        string hash = HashOf(records, name);
        return records.FirstOrDefault(r => r.Type == RecordType.NSEC3 && OwnerHash(r) == hash);
    }

    /// <summary>True when one NSEC3 of <paramref name="records"/> covers (owner &lt; hash &lt; next) the hash of <paramref name="name"/>.</summary>
    public static bool Nsec3Covers(IEnumerable<DnsRecord> records, DnsName name)
    {
        string hash = HashOf(records, name);
        return records.Where(r => r.Type == RecordType.NSEC3).Any(r =>
        {
            string owner = OwnerHash(r);
            string next = Base32Hex.Encode(((Nsec3Data)r.Data).NextHashedOwner.Span).ToLowerInvariant();
            return string.CompareOrdinal(owner, next) < 0
                ? string.CompareOrdinal(owner, hash) < 0 && string.CompareOrdinal(hash, next) < 0
                : string.CompareOrdinal(owner, hash) < 0 || string.CompareOrdinal(hash, next) < 0;
        });
    }

    private static string HashOf(IEnumerable<DnsRecord> records, DnsName name)
    {
        var nsec3 = (Nsec3Data)records.First(r => r.Type == RecordType.NSEC3).Data;
        return Hash(name, nsec3.Iterations, nsec3.Salt.ToArray());
    }

    private static string OwnerHash(DnsRecord record) => System.Text.Encoding.ASCII.GetString(record.Name.GetLabel(0)).ToLowerInvariant();
}
