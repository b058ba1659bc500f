using BenchmarkDotNet.Running;
using Microsoft.CodeAnalysis.CSharp;
using OciRaw.Benchmarks.Shared;
using OciRaw.Generator.Benchmarks;

// dotnet run -c Release --project benchmarks/OciRaw.Generator.Benchmarks -- --interleaved [--rounds 30]
// dotnet run -c Release --project benchmarks/OciRaw.Generator.Benchmarks -- --explain
// dotnet run -c Release --project benchmarks/OciRaw.Generator.Benchmarks -- --filter '*'
var fixture = args.Contains("--interleaved") || args.Contains("--explain") ? new GeneratorFixture() : null;
if (fixture is not null && args.Contains("--explain"))
{
    Console.WriteLine("| Step after an unrelated edit | Runs | Outputs by reason |");
    Console.WriteLine("|---|---:|---|");
    foreach (string line in fixture.ExplainIncrementalSteps())
    {
        Console.WriteLine(line);
    }

    return 0;
}

if (fixture is not null)
{
    fixture.Check();
    (int files, int lines) = SyntheticProject.Size(GeneratorFixture.Services);
    Console.WriteLine($"Input: {GeneratorFixture.Services} interfaces x {SyntheticProject.EndpointsPerInterface} endpoints, {files} files, {lines} lines; " +
        $"output: {fixture.Driver.GetRunResult().GeneratedTrees.Length} generated files; the project with them compiles ({fixture.CheckCompiles()} trees) without a warning.");
    CSharpCompilation next = fixture.NextCompilation();
    Contender Fresh(string name, Action<CSharpCompilation> run) => new(name, () => run(next), () => next = fixture.NextCompilation());
    Contender Bound(string name, Action<CSharpCompilation> run) => new(name, () => run(next), () => next = fixture.NextCompilation(bound: true));
    Contender OwnDriver(string name, Edit edit, bool bound) =>
        new(name, () => fixture.RunIncrementalOwnDriver(edit, next), () => next = fixture.NextCompilation(bound, edit));
    InterleavedRunner.Run(
        [
            new("Fresh compilation", Fresh("cold", c => fixture.RunCold(c)), Fresh("incremental after unrelated edit", c => fixture.RunIncremental(c)),
                OwnDriver("incremental after unrelated declaration edit", Edit.UnrelatedDeclaration, bound: false),
                OwnDriver("incremental after a DTO edit in one service", Edit.OneServiceDto, bound: false),
                Fresh("yardstick: trivial generator, incremental", c => fixture.RunTrivialIncremental(c))),
            new("Declarations bound first", Bound("cold", c => fixture.RunCold(c)), Bound("incremental after unrelated edit", c => fixture.RunIncremental(c)),
                OwnDriver("incremental after unrelated declaration edit", Edit.UnrelatedDeclaration, bound: true),
                OwnDriver("incremental after a DTO edit in one service", Edit.OneServiceDto, bound: true)),
        ],
        rounds: InterleavedRunner.IntOption(args, "--rounds", 30), batchTime: TimeSpan.Zero, warmUp: TimeSpan.FromSeconds(10), milliseconds: true);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks).Assembly).Run(args);
return 0;
