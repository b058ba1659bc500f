using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using OciRaw.Corpus.Description;
using OciRaw.Corpus.Tests;

namespace OciRaw.Corpus.Benchmarks;

/// <summary>
/// One measurement of a fraction of the corpus, in this process: the compile (emit) without the generator, the generator
/// run, the compile of its output, the analyzer, clean operations, and the process's peak memory. Each timed step gets a
/// fresh compilation, so none reuses another's bound state; metadata references are shared, as in a compiler server.
/// </summary>
internal static class CorpusMeasurement
{
    public static async Task<CorpusFigures> MeasureAsync(ApiDescription api, ContractLevel level, double fraction)
    {
        var writer = new CorpusWriter(api, level);
        CorpusOutput corpus = writer.Write(writer.Fraction(fraction));

        (CorpusCompilation withoutGenerator, StepTime parse) = StepTime.Measure(() => CorpusCompilation.Create(corpus));
        StepTime compile = StepTime.Measure(() => Emit(withoutGenerator.Compilation)).Time;

        CorpusCompilation forGenerator = CorpusCompilation.Create(corpus);
        ((GeneratorDriver driver, Compilation output, ImmutableArray<Diagnostic> generatorDiagnostics), StepTime generator) =
            StepTime.Measure(() => forGenerator.Generate(trackSteps: true));
        (ImmutableArray<Diagnostic> outputDiagnostics, StepTime compileWithGenerated) = StepTime.Measure(() => Emit(output));

        // The analyzer's own callbacks (Roslyn's telemetry), and the whole analysis including the binding it needs.
        CorpusCompilation forAnalyzer = CorpusCompilation.Create(corpus);
        ((ImmutableArray<Diagnostic> analyzerDiagnostics, TimeSpan analyzerCallbacks), StepTime analysis) =
            await StepTime.MeasureAsync(() => CorpusCompilation.AnalyzeAsync(forAnalyzer.Compilation, logTime: true));

        CorpusCheck check = forGenerator.Classify(outputDiagnostics.Concat(generatorDiagnostics).Concat(analyzerDiagnostics));
        GeneratorRunResult run = driver.GetRunResult().Results.Single();
        var steps = run.TrackedSteps.Concat(run.TrackedOutputSteps)
            .Select(s => (Step: s.Key, Time: TimeSpan.FromTicks(s.Value.Sum(step => step.ElapsedTime.Ticks))))
            .OrderByDescending(s => s.Time).ToArray();
        using Process process = Process.GetCurrentProcess();
        return new CorpusFigures(
            level, fraction, corpus.Operations.Count, corpus.Files.Count, check.CleanOperations.Count, check.InGeneratedCode.Count,
            run.GeneratedSources.Length, parse, compile, generator, compileWithGenerated, analyzerCallbacks, analysis,
            driver.GetTimingInfo().ElapsedTime, steps, process.PeakWorkingSet64, GC.GetTotalAllocatedBytes());
    }

    private static ImmutableArray<Diagnostic> Emit(Compilation compilation)
    {
        using var image = new MemoryStream();
        return compilation.Emit(image).Diagnostics;
    }
}
