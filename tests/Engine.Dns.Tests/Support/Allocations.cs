namespace SecondaryPortal.Dns.Tests.Support;

/// <summary>
/// Measures what code allocates. The runtime itself sometimes allocates in the middle of a measurement: a method that the
/// background compiler tiers up (on a loaded machine that finishes late, inside the measured loop), a type's first use, a
/// timer left by an earlier test. That is a few hundred bytes in one attempt; an allocation of the code measured shows in
/// every attempt. So the code runs a few times and the fewest bytes count.
/// </summary>
internal static class Allocations
{
    private const int Attempts = 5;

    /// <summary>The fewest bytes the calling thread allocated in one run of <paramref name="run"/>, over a few runs (stops at a run that allocated nothing).</summary>
    public static long OnThisThread(Action run) => Fewest(run, GC.GetAllocatedBytesForCurrentThread);

    /// <summary>The fewest bytes the whole process allocated in one run of <paramref name="run"/>, over a few runs.</summary>
    public static long InProcess(Action run) => Fewest(run, () => GC.GetTotalAllocatedBytes(precise: true));

    private static long Fewest(Action run, Func<long> allocatedSoFar)
    {
        ArgumentNullException.ThrowIfNull(run);
        long fewest = long.MaxValue;
        for (int attempt = 0; attempt < Attempts && fewest > 0; attempt++)
        {
            long before = allocatedSoFar();
            run();
            fewest = Math.Min(fewest, allocatedSoFar() - before);
        }
        return fewest;
    }
}
