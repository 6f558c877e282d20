using BenchmarkDotNet.Running;
using SecondaryPortal.Dns.Benchmarks;

if (args is ["zone-load", var count])
    ZoneLoadMeasurement.Run(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
else
    BenchmarkSwitcher.FromAssembly(typeof(CodecBenchmarks).Assembly).Run(args);
