using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace OciRaw.Generator.Benchmarks;

/// <summary>
/// The generator over 100 interfaces x 10 endpoints: a cold run (new driver) and the run after an unrelated edit
/// (the driver that already ran). Each invocation of either edits the unrelated file again.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class GeneratorBenchmarks
{
    private GeneratorFixture _fixture = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = new GeneratorFixture();
        _fixture.Check();
    }

    [Benchmark(Baseline = true)]
    public GeneratorDriver Cold() => _fixture.RunCold();

    [Benchmark]
    public GeneratorDriver IncrementalAfterUnrelatedEdit() => _fixture.RunIncremental();
}
