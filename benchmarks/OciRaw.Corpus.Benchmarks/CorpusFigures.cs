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
    TimeSpan DriverReportedGenerator,
    IReadOnlyList<(string Step, TimeSpan Time)> Steps,
    long PeakWorkingSet,
    long AllocatedBytes)
{
    /// <summary>
    /// The generator (which also does all the analysis: OciRaw has no analyzer) as a share of the compile of the same
    /// sources without it (issue 9: at most 1/3), in CPU time.
    /// </summary>
    public double GeneratorShare => Generator.Cpu / Compile.Cpu;

    /// <summary>False when the generated code was not compiled (<c>--no-generated-compile</c>).</summary>
    private bool Measured => CompileWithGenerated.Wall > TimeSpan.Zero;

    public static string TableHeader =>
        "| Level | Fraction | Operations | Clean operations | Compile without generator | Generator (with all analysis) | Compile with generated code | Generator / compile | Peak working set |\n" +
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";

    public string Report()
    {
        static string S(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"| {Level} | {Fraction:0.##} | {Operations} | {CleanOperations} ({100.0 * CleanOperations / Operations:0.0}%) | {Compile} | {Generator} | {(Measured ? CompileWithGenerated.ToString() : "not measured")} | {GeneratorShare:P0} | {PeakWorkingSet / (1024 * 1024)} MiB |\n");
        text.Append(CultureInfo.InvariantCulture,
            $"  parse {Parse}; {Files} files, {GeneratedFiles} generated; {(Measured ? DiagnosticsInGeneratedCode.ToString(CultureInfo.InvariantCulture) : "not checked:")} diagnostics in generated code; driver-reported generator time {S(DriverReportedGenerator)}; {AllocatedBytes / (1024 * 1024)} MiB allocated\n");
        if (Steps.Count > 0)
        {
            text.Append("  steps of a second, tracked run (wall, not in the figures above): ")
                .Append(string.Join(", ", Steps.Take(14).Select(s => $"{s.Step} {S(s.Time)}"))).Append('\n');
        }
        return text.ToString();
    }
}
