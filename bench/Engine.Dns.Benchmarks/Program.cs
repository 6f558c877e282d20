using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(SecondaryPortal.Dns.Benchmarks.CodecBenchmarks).Assembly).Run(args);
