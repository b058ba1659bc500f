using System.Globalization;
using System.Text;

namespace OciRaw.Corpus.Benchmarks;

/// <summary>
/// The figures of one <see cref="CorpusMeasurement"/>: <see cref="Compiles"/> and <see cref="Generators"/> pair up by
/// round, the first round cold and the others warm.
/// </summary>
internal sealed record CorpusFigures(
    ContractLevel Level,
    double Fraction,
    int Operations,
    int Files,
    int CleanOperations,
    int DiagnosticsInGeneratedCode,
    int GeneratedFiles,
    long GeneratedCharacters,
    StepTime Parse,
    IReadOnlyList<StepTime> Compiles,
    IReadOnlyList<StepTime> Generators,
    StepTime CompileWithGenerated,
    TimeSpan DriverReportedGenerator,
    IReadOnlyList<(string Step, TimeSpan Time)> Steps,
    long PeakWorkingSet)
{
    /// <summary>
    /// The generator (which also does all the analysis: OciRaw has no analyzer) as a share of the compile of the same
    /// sources without it (issue 9: at most 1/3), in CPU time, per round.
    /// </summary>
    public IReadOnlyList<double> Shares => Compiles.Zip(Generators, (compile, generator) => generator.Cpu / compile.Cpu).ToArray();

    /// <summary>The shares of the warm rounds (all but the first).</summary>
    public IReadOnlyList<double> WarmShares => Shares.Skip(1).ToArray();

    /// <summary>The median of the warm per-round shares: the figure that counts (see <see cref="CorpusMeasurement"/>).</summary>
    public double GeneratorShare => Median(WarmShares);

    /// <summary>False when the generated code was not compiled (<c>--no-generated-compile</c>).</summary>
    private bool Measured => CompileWithGenerated.Wall > TimeSpan.Zero;

    public static string TableHeader =>
        "| Level | Fraction | Operations | Clean operations | Compile without generator | Generator (with all analysis) | Compile with generated code | Generator / compile | Peak working set |\n" +
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";

    public string Report()
    {
        static string S(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
        static string Cpu(IEnumerable<StepTime> times) => S(TimeSpan.FromTicks((long)Median(times.Select(t => (double)t.Cpu.Ticks))));
        static string Mib(long bytes) => (bytes / (1024 * 1024)).ToString("N0", CultureInfo.InvariantCulture) + " MiB";
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"| {Level} | {Fraction:0.##} | {Operations} | {CleanOperations} ({100.0 * CleanOperations / Operations:0.0}%) | {Cpu(Compiles.Skip(1))} | {Cpu(Generators.Skip(1))} | {(Measured ? CompileWithGenerated.ToString() : "not measured")} | {GeneratorShare:P0} | {PeakWorkingSet / (1024 * 1024)} MiB |\n");
        text.Append(CultureInfo.InvariantCulture,
            $"  {WarmShares.Count} warm rounds (median CPU times above): shares {string.Join(", ", WarmShares.Select(s => s.ToString("P0", CultureInfo.InvariantCulture)))}, min {WarmShares.Min():P0}, max {WarmShares.Max():P0}; the cold first round {Shares[0]:P0} ({S(Generators[0].Cpu)} of {S(Compiles[0].Cpu)})\n");
        text.Append(CultureInfo.InvariantCulture,
            $"  every round's CPU, cold first: compile {string.Join(", ", Compiles.Select(c => S(c.Cpu)))}; generator {string.Join(", ", Generators.Select(g => S(g.Cpu)))}\n");
        text.Append(CultureInfo.InvariantCulture,
            $"  allocated (warm): compile {Mib(Compiles[^1].AllocatedBytes)}, generator {Mib(Generators[^1].AllocatedBytes)}\n");
        text.Append(CultureInfo.InvariantCulture,
            $"  parse {Parse}; {Files} files, {GeneratedFiles} generated ({GeneratedCharacters / 1e6:0.0} million characters); {(Measured ? DiagnosticsInGeneratedCode.ToString(CultureInfo.InvariantCulture) : "not checked:")} diagnostics in generated code; driver-reported generator time of the first round {S(DriverReportedGenerator)}\n");
        if (Steps.Count > 0)
        {
            text.Append("  steps of a second, tracked run (wall, not in the figures above): ")
                .Append(string.Join(", ", Steps.Take(14).Select(s => $"{s.Step} {S(s.Time)}"))).Append('\n');
        }

        return text.ToString();
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
