using System.Runtime.CompilerServices;

namespace SecondaryPortal.Dns.Tests.Support;

/// <summary>
/// Test classes run in parallel and some wait on child processes synchronously; on a 2-core machine the
/// thread pool would then grow slowly (one thread per ~0.5 s) and timing-sensitive tests would see
/// delays that have nothing to do with the code under test. Start with enough threads.
/// </summary>
internal static class ThreadPoolWarmUp
{
    [ModuleInitializer]
    internal static void Initialize() => ThreadPool.SetMinThreads(Math.Max(32, Environment.ProcessorCount * 8), 32);
}
