using System.Globalization;
using System.Text;

namespace OciRaw.Corpus.Benchmarks;

/// <summary>The figures of one <see cref="CorpusMeasurement"/>.</summary>
internal sealed record CorpusFigures(
    ContractLevel Level,
    double Fraction,
    int Operations,
    int Files,
    int CleanOperations,
    int DiagnosticsInGeneratedCode,
    int GeneratedFiles,
    StepTime Parse,
    StepTime Compile,
    StepTime Generator,
    StepTime CompileWithGenerated,
    TimeSpan AnalyzerCallbacks,
    StepTime Analysis,
    TimeSpan DriverReportedGenerator,
    IReadOnlyList<(string Step, TimeSpan Time)> Steps,
    long PeakWorkingSet,
    long AllocatedBytes)
{
    /// <summary>
    /// Generator plus analyzer as a share of the compile of the same sources without them (issue 9: at most 1/3), in CPU
    /// time; the analyzer's figure is its whole analysis (Roslyn's callback telemetry is wall time, which a shared machine
    /// inflates).
    /// </summary>
    public double GeneratorShare => (Generator.Cpu + Analysis.Cpu) / Compile.Cpu;

    public static string TableHeader =>
        "| Level | Fraction | Operations | Clean operations | Compile without generator | Generator | Analyzer (callbacks, wall) | Compile with generated code | (Generator + analyzer) / compile | Peak working set |\n" +
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";

    public string Report()
    {
        static string S(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"| {Level} | {Fraction:0.##} | {Operations} | {CleanOperations} ({100.0 * CleanOperations / Operations:0.0}%) | {Compile} | {Generator} | {S(AnalyzerCallbacks)} | {CompileWithGenerated} | {GeneratorShare:P0} | {PeakWorkingSet / (1024 * 1024)} MiB |\n");
        text.Append(CultureInfo.InvariantCulture,
            $"  parse {Parse}; {Files} files, {GeneratedFiles} generated; {DiagnosticsInGeneratedCode} diagnostics in generated code; analysis with its binding {Analysis}; driver-reported generator time {S(DriverReportedGenerator)}; {AllocatedBytes / (1024 * 1024)} MiB allocated\n");
        TimeSpan tracked = TimeSpan.FromTicks(Steps.Sum(s => s.Time.Ticks));
        text.Append("  tracked generator steps (wall): ").Append(string.Join(", ", Steps.Take(12).Select(s => $"{s.Step} {S(s.Time)}")))
            .Append("; untracked steps (per-interface snapshot and parse) ").Append(S(DriverReportedGenerator - tracked)).Append('\n');
        return text.ToString();
    }
}
