using BenchmarkDotNet.Running;
using OciRaw.Benchmarks.Shared;
using OciRaw.Generator.Benchmarks;

// dotnet run -c Release --project benchmarks/OciRaw.Generator.Benchmarks -- --interleaved [--rounds 30]
// dotnet run -c Release --project benchmarks/OciRaw.Generator.Benchmarks -- --filter '*'
if (args.Contains("--explain"))
{
    var fixture = new GeneratorFixture();
    foreach (string line in fixture.ExplainIncrementalSteps())
    {
        Console.WriteLine(line);
    }

    for (int i = 0; i < 10; i++)
    {
        (double bind, double generator) = fixture.TimeIncrementalOnBoundCompilation();
        Console.WriteLine($"edit {i}: binding the fresh compilation's declarations {bind:F1} ms, then the incremental generator run {generator:F1} ms");
    }

    return 0;
}

if (args.Contains("--interleaved"))
{
    var fixture = new GeneratorFixture();
    fixture.Check();
    (int files, int lines) = SyntheticProject.Size(GeneratorFixture.Services);
    Console.WriteLine($"Input: {GeneratorFixture.Services} interfaces x {SyntheticProject.EndpointsPerInterface} endpoints, {files} files, {lines} lines; " +
        $"output: {fixture.Driver.GetRunResult().GeneratedTrees.Length} generated files; with them the project compiles to {fixture.CheckCompiles()} trees without a warning.");
    InterleavedRunner.Run(
        [new("Generator", ("cold", () => fixture.RunCold()), ("incremental after unrelated edit", () => fixture.RunIncremental()))],
        rounds: InterleavedRunner.IntOption(args, "--rounds", 30), batchTime: TimeSpan.Zero, warmUp: TimeSpan.FromSeconds(10), milliseconds: true);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks).Assembly).Run(args);
return 0;
