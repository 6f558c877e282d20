using BenchmarkDotNet.Running;
using SecondaryPortal.Dns.Benchmarks;

if (args is ["zone-load", var count])
    ZoneLoadMeasurement.Run(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
else if (args is ["ixfr-store", var storeRecords, ..])
    IxfrStoreMeasurement.Run(int.Parse(storeRecords, System.Globalization.CultureInfo.InvariantCulture), args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 300);
else if (args is ["axfr-build", var axfrCount, ..])
    AxfrBuildMeasurement.Run(int.Parse(axfrCount, System.Globalization.CultureInfo.InvariantCulture), args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
else if (args is ["axfr-from", var endpoint, var zone, ..])
    AxfrBuildMeasurement.RunAgainst(System.Net.IPEndPoint.Parse(endpoint), SecondaryPortal.Dns.Wire.DnsName.Parse(zone), args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 3);
else
    BenchmarkSwitcher.FromAssembly(typeof(CodecBenchmarks).Assembly).Run(args);
