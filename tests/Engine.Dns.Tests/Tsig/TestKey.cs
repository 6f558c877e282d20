using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Tsig;

/// <summary>A key as the tests know it: plain strings and octets, convertible to the production type.</summary>
internal sealed record TestKey(string Name, TsigAlgorithm Algorithm, byte[] Secret)
{
    /// <summary>A 32-octet secret that is the same in every run.</summary>
    public static readonly byte[] DefaultSecret = Convert.FromBase64String("jg0ovc3DkU0N1jAyN+0Jn6hv6VvBJxZ4XPaWYyDKf+I=");

    public static TheoryData<string> AlgorithmMnemonics => ["hmac-md5", "hmac-sha1", "hmac-sha224", "hmac-sha256", "hmac-sha384", "hmac-sha512"];

    /// <summary>The algorithm name as it goes on the wire.</summary>
    public string AlgorithmName => Algorithm.Mnemonic == "hmac-md5" ? "hmac-md5.sig-alg.reg.int." : Algorithm.Mnemonic + ".";

    public static TestKey For(string mnemonic, string name = "test-key.example.", byte[]? secret = null) =>
        new(name, TsigAlgorithm.Parse(mnemonic), secret ?? DefaultSecret);

    public TsigKey ToKey(int? macSize = null) =>
        new(DnsName.Parse(Name), Algorithm, Secret, macSize ?? Algorithm.MacSize);

    public TsigKeyring ToKeyring() => new([ToKey()]);
}
