using System.Globalization;
using BenchmarkDotNet.Running;
using OciRaw.Benchmarks;

// dotnet run -c Release --project benchmarks/OciRaw.Benchmarks -- --interleaved [--rounds 200] [--batch 20]
// dotnet run -c Release --project benchmarks/OciRaw.Benchmarks -- --filter '*'
if (args.Contains("--interleaved"))
{
    return InterleavedRunner.Run(rounds: IntOption(args, "--rounds", 200), batch: IntOption(args, "--batch", 20));
}

BenchmarkSwitcher.FromAssembly(typeof(SigningBenchmarks).Assembly).Run(args);
return 0;

static int IntOption(string[] args, string name, int fallback)
{
    int index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
