using System.Diagnostics;
using System.Globalization;

namespace OciRaw.Benchmarks.Shared;

/// <summary>One comparison: the first contender is the baseline the others are divided by.</summary>
internal sealed record InterleavedCase(string Name, params Contender[] Contenders);

/// <summary>What is timed, and an optional untimed <paramref name="Prepare"/> that runs before each of its batches.</summary>
internal sealed record Contender(string Name, Action Run, Action? Prepare = null)
{
    public static implicit operator Contender((string Name, Action Run) contender) => new(contender.Name, contender.Run);
}

/// <summary>
/// Ratios to a baseline measured in short alternating batches in one process (see docs/benchmarks.md). The CPU speed of
/// the benchmark machines drifts up to 2x within seconds while BenchmarkDotNet measures one row after the other, so its
/// Ratio column can compare a fast minute with a slow one. Here each round times one batch of every contender back to
/// back, rotating which goes first, and keeps each contender's ratio to the baseline's batch of the same round; drift
/// cancels out within a round, and the median over rounds is the figure to read. Linked into each benchmark project.
/// </summary>
internal static class InterleavedRunner
{
    /// <param name="cases">The comparisons.</param>
    /// <param name="rounds">Rounds per case.</param>
    /// <param name="batchTime">Calls per batch are chosen so that a batch of the baseline takes about this long.</param>
    /// <param name="warmUp">Time each case runs before measuring (tiered JIT).</param>
    /// <param name="milliseconds">Report per-operation times in ms rather than µs.</param>
    public static void Run(IEnumerable<InterleavedCase> cases, int rounds, TimeSpan batchTime, TimeSpan warmUp, bool milliseconds = false)
    {
        string unit = milliseconds ? "ms" : "µs";
        double scale = milliseconds ? 1e-3 : 1;
        string batches = batchTime > TimeSpan.Zero ? $"one batch per contender (~{batchTime.TotalMilliseconds:F0} ms of the baseline)" : "one call per contender";
        Console.WriteLine($"Interleaved: {rounds} rounds per case; each round {batches}, first contender rotating; {warmUp.TotalSeconds:F0} s warm-up per case.");
        Console.WriteLine($"{Environment.ProcessorCount} logical CPUs, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}.");
        Console.WriteLine();
        Console.WriteLine($"| Case | Contender | Calls/batch | {unit}/op (median) | Ratio p10 | Ratio median | Ratio p90 |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (InterleavedCase @case in cases)
        {
            // Warm up, and size the batches from the fastest baseline call seen (a slow moment would make them too short).
            double fastestUs = double.MaxValue;
            long start = Stopwatch.GetTimestamp();
            do
            {
                fastestUs = Math.Min(fastestUs, Measure(@case, rounds: 2, batch: 1)[0].Min());
            }
            while (Stopwatch.GetElapsedTime(start) < warmUp);

            int batch = (int)Math.Clamp(batchTime.TotalMicroseconds / fastestUs, 1, 1_000_000);

            double[][] perOp = Measure(@case, rounds, batch);
            for (int c = 0; c < perOp.Length; c++)
            {
                string name = c == 0 ? @case.Contenders[c].Name + " (baseline)" : @case.Contenders[c].Name;
                double[] ratios = [.. perOp[c].Select((time, round) => time / perOp[0][round])];
                string ratioColumns = c == 0 ? "| | " : $"{Percentile(ratios, 0.1):F3} | **{Percentile(ratios, 0.5):F3}** | {Percentile(ratios, 0.9):F3}";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {@case.Name} | {name} | {batch} | {Percentile(perOp[c], 0.5) * scale:F2} | {ratioColumns} |"));
            }
        }
    }

    /// <summary>The value of <c>name N</c> on the command line, or <paramref name="fallback"/>.</summary>
    public static int IntOption(string[] args, string name, int fallback)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>Microseconds per call, [contender][round].</summary>
    private static double[][] Measure(InterleavedCase @case, int rounds, int batch)
    {
        int count = @case.Contenders.Length;
        double[][] perOp = [.. Enumerable.Range(0, count).Select(_ => new double[rounds])];
        for (int round = 0; round < rounds; round++)
        {
            for (int step = 0; step < count; step++)
            {
                int c = (round + step) % count;
                @case.Contenders[c].Prepare?.Invoke();
                perOp[c][round] = Time(@case.Contenders[c].Run, batch) / batch;
            }
        }

        return perOp;
    }

    private static double Time(Action action, int count)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < count; i++)
        {
            action();
        }

        return Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    }

    /// <summary>Linear-interpolated percentile, <paramref name="p"/> in [0, 1].</summary>
    private static double Percentile(double[] values, double p)
    {
        double[] sorted = [.. values];
        Array.Sort(sorted);
        double rank = p * (sorted.Length - 1);
        int low = (int)rank;
        int high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((rank - low) * (sorted[high] - sorted[low]));
    }
}
