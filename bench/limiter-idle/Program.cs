using System.Runtime.InteropServices;
using System.Threading.RateLimiting;

// Usage: dotnet run -c Release --project bench/limiter-idle -- <mode> [seconds]
// Creates one rate limiter (or nothing, or a bare timer), takes a permit, then sits idle and reports how many timers it
// created and what the process did meanwhile: voluntary context switches (a thread going to sleep: one per wake-up) and
// CPU time, from getrusage, which counts threads that have exited too.
string mode = args.Length > 0 ? args[0] : "baseline";
int seconds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20;
long timersBefore = Timer.ActiveCount;
object? limiter = Create(mode);
long timersCreated = Timer.ActiveCount - timersBefore;
Thread.Sleep(2000); // start-up settles
var before = Usage();
Thread.Sleep(TimeSpan.FromSeconds(seconds));
var after = Usage();
GC.KeepAlive(limiter);
long wakeUps = after.VoluntarySwitches - before.VoluntarySwitches;
Console.WriteLine($"{mode}: timers created {timersCreated}; over {seconds} s idle: {wakeUps} voluntary context switches "
    + $"({wakeUps / (double)seconds:F1}/s), {after.InvoluntarySwitches - before.InvoluntarySwitches} involuntary, "
    + $"{(after.CpuMicroseconds - before.CpuMicroseconds) / 1000.0:F1} ms CPU");

static object? Create(string mode)
{
    var perAddress = new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
    switch (mode)
    {
        case "baseline":
            return null;
        case "timer-100ms":
            return new Timer(_ => { }, null, 100, 100);
        case "partitioned":
        {
            var limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ => perAddress));
            limiter.AttemptAcquire("192.0.2.1").Dispose();
            return limiter;
        }
        case "chained":
        {
            var limiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ => perAddress)));
            limiter.AttemptAcquire("192.0.2.1").Dispose();
            return limiter;
        }
        case "fixed-auto":
        case "fixed-manual":
        {
            var limiter = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
            {
                PermitLimit = 10, Window = TimeSpan.FromSeconds(1), QueueLimit = 0, AutoReplenishment = mode == "fixed-auto",
            });
            for (int i = 0; i < 20; i++)
                limiter.AttemptAcquire().Dispose();
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
                limiter.AttemptAcquire().Dispose();
            Console.WriteLine($"{mode}: bytes allocated per refused AttemptAcquire: {(GC.GetAllocatedBytesForCurrentThread() - allocated) / 1000}");
            return limiter;
        }
        default:
            throw new ArgumentException($"unknown mode {mode}: baseline, timer-100ms, partitioned, chained, fixed-auto, fixed-manual");
    }
}

// getrusage(RUSAGE_SELF) on 64-bit Linux: two timevals (user, system), then 14 longs, of which the 13th and 14th are the
// voluntary and involuntary context switches.
static unsafe (long CpuMicroseconds, long VoluntarySwitches, long InvoluntarySwitches) Usage()
{
    long* usage = stackalloc long[18];
    if (NativeMethods.GetResourceUsage(0, usage) != 0)
        throw new InvalidOperationException("getrusage failed");
    return ((usage[0] + usage[2]) * 1_000_000 + usage[1] + usage[3], usage[16], usage[17]);
}

internal static unsafe partial class NativeMethods
{
    [LibraryImport("libc", EntryPoint = "getrusage")]
    internal static partial int GetResourceUsage(int who, long* usage);
}
