using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using OciRaw.Corpus.Description;
using OciRaw.Corpus.Tests;

namespace OciRaw.Corpus.Benchmarks;

/// <summary>
/// One measurement of a fraction of the corpus, in this process: the compile (emit) without the generator, the generator
/// run (which reports every OciRaw diagnostic: there is no analyzer), the compile of its output, clean operations, and the process's peak memory. Each timed step gets a
/// fresh compilation, so none reuses another's bound state; metadata references are shared, as in a compiler server.
/// </summary>
internal static class CorpusMeasurement
{
    /// <param name="steps">
    /// Also run the generator once more with step tracking, for the per-step table. That run is not timed: the driver's
    /// step recording walks the step graph back from every output, which costs more than the generator itself on a
    /// large corpus (and grows faster than it), and the compiler never records steps.
    /// </param>
    /// <param name="compileGenerated">Also compile the generated code (and check it has no diagnostic).</param>
    /// <param name="reportPath">Where to write the <see cref="NotCleanReport"/> (TSV) of the fraction, if anywhere.</param>
    public static Task<CorpusFigures> MeasureAsync(ApiDescription api, ContractLevel level, double fraction, bool steps, bool compileGenerated, string? reportPath = null)
    {
        var writer = new CorpusWriter(api, level);
        CorpusOutput corpus = writer.Write(writer.Fraction(fraction));

        (CorpusCompilation withoutGenerator, StepTime parse) = StepTime.Measure(() => CorpusCompilation.Create(corpus));
        (ImmutableArray<Diagnostic> sourceDiagnostics, StepTime compile) = StepTime.Measure(() => Emit(withoutGenerator.Compilation));

        CorpusCompilation forGenerator = CorpusCompilation.Create(corpus);
        ((GeneratorDriver driver, Compilation output, ImmutableArray<Diagnostic> generatorDiagnostics), StepTime generator) =
            StepTime.Measure(() => forGenerator.Generate(trackSteps: false));
        // The compile of the generated code is the slowest step (ten times the compile without it on the corpus); without
        // it, clean operations are judged by the compiler's diagnostics on the sources and the generator's own.
        (ImmutableArray<Diagnostic> outputDiagnostics, StepTime compileWithGenerated) = compileGenerated
            ? StepTime.Measure(() => Emit(output))
            : (sourceDiagnostics, default);

        CorpusCheck check = forGenerator.Classify(outputDiagnostics.Concat(generatorDiagnostics));
        if (reportPath is not null)
        {
            NotCleanReport.Write(check, reportPath);
        }

        GeneratorRunResult run = driver.GetRunResult().Results.Single();
        (string Step, TimeSpan Time)[] tracked = [];
        if (steps)
        {
            GeneratorRunResult trackedRun = CorpusCompilation.Create(corpus).Generate(trackSteps: true).Driver.GetRunResult().Results.Single();
            tracked = trackedRun.TrackedSteps.Concat(trackedRun.TrackedOutputSteps)
                .Select(s => (Step: s.Key, Time: TimeSpan.FromTicks(s.Value.Sum(step => step.ElapsedTime.Ticks))))
                .OrderByDescending(s => s.Time).ToArray();
        }

        using Process process = Process.GetCurrentProcess();
        return Task.FromResult(new CorpusFigures(
            level, fraction, corpus.Operations.Count, corpus.Files.Count, check.CleanOperations.Count, check.InGeneratedCode.Count,
            run.GeneratedSources.Length, parse, compile, generator, compileWithGenerated,
            driver.GetTimingInfo().ElapsedTime, tracked, process.PeakWorkingSet64, GC.GetTotalAllocatedBytes()));
    }

    private static ImmutableArray<Diagnostic> Emit(Compilation compilation)
    {
        using var image = new MemoryStream();
        return compilation.Emit(image).Diagnostics;
    }
}
