using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OciRaw.Generator.Benchmarks;

/// <summary>
/// The generator over 100 interfaces x 10 endpoints: a cold run (new driver) and the run after an unrelated edit (the
/// driver that already ran), each on a fresh compilation with the unrelated file edited again. "Fresh" leaves binding
/// the declarations to the generator run, as the first consumer of a new compilation; "Bound" binds them untimed first.
/// One call per iteration (each takes hundreds of ms), with an untimed setup that makes the compilation. Tiered JIT is
/// off: Roslyn from NuGet is not precompiled, and a few runs would leave much of it at tier-0 (a compiler server or an
/// IDE runs warm, precompiled code; the interleaved mode warms up for 10 s instead).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(MonitoringWithoutTiering))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GeneratorBenchmarks
{
    private GeneratorFixture _fixture = null!;
    private CSharpCompilation _next = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = new GeneratorFixture();
        _fixture.Check();
    }

    [IterationSetup(Targets = [nameof(Cold), nameof(Incremental), nameof(TrivialIncremental)])]
    public void NextFresh() => _next = _fixture.NextCompilation();

    [IterationSetup(Targets = [nameof(ColdBound), nameof(IncrementalBound)])]
    public void NextBound() => _next = _fixture.NextCompilation(bound: true);

    [IterationSetup(Targets = [nameof(IncrementalDeclarationEdit)])]
    public void NextDeclarationEdit() => _next = _fixture.NextCompilation(edit: Edit.UnrelatedDeclaration);

    [IterationSetup(Targets = [nameof(IncrementalDeclarationEditBound)])]
    public void NextDeclarationEditBound() => _next = _fixture.NextCompilation(bound: true, edit: Edit.UnrelatedDeclaration);

    [Benchmark(Baseline = true), BenchmarkCategory("Fresh")]
    public GeneratorDriver Cold() => _fixture.RunCold(_next);

    [Benchmark, BenchmarkCategory("Fresh")]
    public GeneratorDriver Incremental() => _fixture.RunIncremental(_next);

    /// <summary>The unrelated edit renames a method: a declaration, but one no interface reaches, so nothing is parsed.</summary>
    [Benchmark, BenchmarkCategory("Fresh")]
    public GeneratorDriver IncrementalDeclarationEdit() => _fixture.RunIncrementalOwnDriver(Edit.UnrelatedDeclaration, _next);

    /// <summary>The yardstick: Roslyn's own cost of an edit for a generator of this shape.</summary>
    [Benchmark, BenchmarkCategory("Fresh")]
    public GeneratorDriver TrivialIncremental() => _fixture.RunTrivialIncremental(_next);

    [Benchmark(Baseline = true), BenchmarkCategory("Bound")]
    public GeneratorDriver ColdBound() => _fixture.RunCold(_next);

    [Benchmark, BenchmarkCategory("Bound")]
    public GeneratorDriver IncrementalBound() => _fixture.RunIncremental(_next);

    [Benchmark, BenchmarkCategory("Bound")]
    public GeneratorDriver IncrementalDeclarationEditBound() => _fixture.RunIncrementalOwnDriver(Edit.UnrelatedDeclaration, _next);

    private sealed class MonitoringWithoutTiering : ManualConfig
    {
        public MonitoringWithoutTiering() =>
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithWarmupCount(3).WithIterationCount(15)
                .WithEnvironmentVariables(new EnvironmentVariable("DOTNET_TieredCompilation", "0")));
    }
}
