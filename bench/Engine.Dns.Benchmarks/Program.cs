using BenchmarkDotNet.Running;
using SecondaryPortal.Dns.Benchmarks;

if (args is ["zone-load", var count])
    ZoneLoadMeasurement.Run(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
else if (args is ["axfr-build", var axfrCount, ..])
    AxfrBuildMeasurement.Run(int.Parse(axfrCount, System.Globalization.CultureInfo.InvariantCulture), args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
else
    BenchmarkSwitcher.FromAssembly(typeof(CodecBenchmarks).Assembly).Run(args);
