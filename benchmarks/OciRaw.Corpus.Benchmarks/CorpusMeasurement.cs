using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using OciRaw.Corpus.Description;
using OciRaw.Corpus.Tests;

namespace OciRaw.Corpus.Benchmarks;

/// <summary>
/// One measurement of a fraction of the corpus, in this process: rounds of the compile (emit) without the generator and
/// the generator run (which reports every OciRaw diagnostic: there is no analyzer), then, from the first round's
/// output, the compile of the generated code, clean operations, and the process's peak memory. Each timed step gets a
/// fresh compilation, so none reuses another's bound state; metadata references are shared, as in a compiler server.
/// </summary>
/// <remarks>
/// <para>
/// The first round is cold: Roslyn's own code still runs partly unoptimized (tiered JIT; the NuGet package's assemblies
/// are not ReadyToRun, unlike the SDK's compiler) and the reference assemblies' symbols are loaded for the first time,
/// which weighs on the compile far more than on the generator (the whole corpus: about 31 s against 13 s warm). A
/// build goes through the warm compiler server, so the figures that count are the warm rounds; the cold one is kept
/// apart in the report.
/// </para>
/// <para>
/// The machine is shared and its speed drifts (up to 2x within seconds), so one compile and one generator run, timed
/// one after the other, can give any share between them. The rounds interleave the two (compile first in even rounds,
/// generator first in odd ones), and the share that counts is the median of the warm per-round shares: each round's
/// pair ran within the same minute.
/// </para>
/// </remarks>
internal static class CorpusMeasurement
{
    /// <param name="rounds">How many warm interleaved compile/generator pairs to time, after the cold one.</param>
    /// <param name="steps">
    /// Also run the generator once more with step tracking, for the per-step table. That run is not timed: the driver's
    /// step recording walks the step graph back from every output, which costs more than the generator itself on a
    /// large corpus (and grows faster than it), and the compiler never records steps.
    /// </param>
    /// <param name="compileGenerated">Also compile the generated code (and check it has no diagnostic).</param>
    /// <param name="reportPath">Where to write the <see cref="NotCleanReport"/> (TSV) of the fraction, if anywhere.</param>
    /// <param name="dumpDirectory">Where to write the generated files of the first round, if anywhere (to see where the text goes).</param>
    public static CorpusFigures Measure(
        ApiDescription api, ContractLevel level, double fraction, int rounds, bool steps, bool compileGenerated, string? reportPath = null, string? dumpDirectory = null)
    {
        var writer = new CorpusWriter(api, level);
        CorpusOutput corpus = writer.Write(writer.Fraction(fraction));
        (_, StepTime parse) = StepTime.Measure(() => CorpusCompilation.Create(corpus));

        var compiles = new List<StepTime>();
        var generators = new List<StepTime>();
        Outcome? outcome = null;
        for (int round = 0; round <= rounds; round++)
        {
            bool generatorFirst = round % 2 == 1;
            if (generatorFirst)
            {
                generators.Add(TimeGenerator(corpus, ref outcome, compileGenerated, reportPath, dumpDirectory));
            }

            (ImmutableArray<Diagnostic> sourceDiagnostics, StepTime compile) = TimeCompile(corpus);
            compiles.Add(compile);
            if (outcome is null)
            {
                outcome = new Outcome(sourceDiagnostics);
            }

            if (!generatorFirst)
            {
                generators.Add(TimeGenerator(corpus, ref outcome, compileGenerated, reportPath, dumpDirectory));
            }
        }

        (string Step, TimeSpan Time)[] tracked = [];
        if (steps)
        {
            GeneratorRunResult trackedRun = CorpusCompilation.Create(corpus).Generate(trackSteps: true).Driver.GetRunResult().Results.Single();
            tracked = trackedRun.TrackedSteps.Concat(trackedRun.TrackedOutputSteps)
                .Select(s => (Step: s.Key, Time: TimeSpan.FromTicks(s.Value.Sum(step => step.ElapsedTime.Ticks))))
                .OrderByDescending(s => s.Time).ToArray();
        }

        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return new CorpusFigures(
            level, fraction, corpus.Operations.Count, corpus.Files.Count, outcome!.CleanOperations, outcome.InGeneratedCode,
            outcome.GeneratedFiles, outcome.GeneratedCharacters, parse, compiles, generators, outcome.CompileWithGenerated,
            outcome.DriverReportedGenerator, tracked, process.PeakWorkingSet64);
    }

    /// <summary>
    /// Times one compile of a fresh compilation. A method of its own, so that the bound compilation is garbage when it
    /// returns: kept alive by a local, it would make every collection in the generator's run that follows slower (that
    /// took a warm generator run from 4.7 s to 7.4 s of CPU on the whole corpus).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (ImmutableArray<Diagnostic> Diagnostics, StepTime Time) TimeCompile(CorpusOutput corpus)
    {
        CorpusCompilation forCompile = CorpusCompilation.Create(corpus);
        return StepTime.Measure(() => Emit(forCompile.Compilation));
    }

    /// <summary>
    /// Times one generator run on a fresh compilation (in a method of its own, as <see cref="TimeCompile"/>). The first run's output is checked at once (clean operations, the
    /// report, the compile of the generated code) and then let go, so that no later round runs next to it in memory.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static StepTime TimeGenerator(CorpusOutput corpus, ref Outcome? outcome, bool compileGenerated, string? reportPath, string? dumpDirectory)
    {
        CorpusCompilation forGenerator = CorpusCompilation.Create(corpus);
        ((GeneratorDriver driver, Compilation output, ImmutableArray<Diagnostic> generatorDiagnostics), StepTime generator) =
            StepTime.Measure(() => forGenerator.Generate(trackSteps: false));
        if (outcome is { Checked: false } first)
        {
            // The compile of the generated code is the slowest step (ten times the compile without it on the corpus);
            // without it, clean operations are judged by the compiler's diagnostics on the sources and the generator's own.
            (ImmutableArray<Diagnostic> outputDiagnostics, StepTime compileWithGenerated) = compileGenerated
                ? StepTime.Measure(() => Emit(output))
                : (first.SourceDiagnostics, default);
            CorpusCheck check = forGenerator.Classify(outputDiagnostics.Concat(generatorDiagnostics));
            if (reportPath is not null)
            {
                NotCleanReport.Write(check, reportPath);
            }

            ImmutableArray<GeneratedSourceResult> generated = driver.GetRunResult().Results.Single().GeneratedSources;
            if (dumpDirectory is not null)
            {
                Directory.CreateDirectory(dumpDirectory);
                foreach (GeneratedSourceResult source in generated)
                {
                    File.WriteAllText(Path.Combine(dumpDirectory, source.HintName), source.SourceText.ToString());
                }
            }

            outcome = first with
            {
                Checked = true,
                CleanOperations = check.CleanOperations.Count,
                InGeneratedCode = check.InGeneratedCode.Count,
                GeneratedFiles = generated.Length,
                GeneratedCharacters = generated.Sum(source => (long)source.SourceText.Length),
                CompileWithGenerated = compileWithGenerated,
                DriverReportedGenerator = driver.GetTimingInfo().ElapsedTime,
            };
        }

        return generator;
    }

    private static ImmutableArray<Diagnostic> Emit(Compilation compilation)
    {
        using var image = new MemoryStream();
        return compilation.Emit(image).Diagnostics;
    }

    /// <summary>What the first round found, besides its times.</summary>
    private sealed record Outcome(ImmutableArray<Diagnostic> SourceDiagnostics)
    {
        public bool Checked { get; init; }

        public int CleanOperations { get; init; }

        public int InGeneratedCode { get; init; }

        public int GeneratedFiles { get; init; }

        public long GeneratedCharacters { get; init; }

        public StepTime CompileWithGenerated { get; init; }

        public TimeSpan DriverReportedGenerator { get; init; }
    }
}
