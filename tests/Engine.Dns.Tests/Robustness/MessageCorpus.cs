namespace SecondaryPortal.Dns.Tests.Robustness;

/// <summary>Real responses captured from BIND 9 (tests/testdata/corpus), loaded once.</summary>
internal static class MessageCorpus
{
    private static readonly Lazy<IReadOnlyList<(string Name, byte[] Bytes)>> Messages = new(Load);

    public static IReadOnlyList<(string Name, byte[] Bytes)> All => Messages.Value;

    private static IReadOnlyList<(string Name, byte[] Bytes)> Load()
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "testdata", "corpus");
        return Directory.GetFiles(folder, "*.hex")
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), Convert.FromHexString(File.ReadAllText(path).Trim())))
            .ToList();
    }
}
