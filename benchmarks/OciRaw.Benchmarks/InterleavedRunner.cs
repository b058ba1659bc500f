using System.Diagnostics;
using System.Globalization;

namespace OciRaw.Benchmarks;

/// <summary>
/// Handler/bare cost ratio measured in short alternating batches in one process. The CPU speed of the benchmark
/// machines drifts (up to 2x within seconds), and BenchmarkDotNet measures one candidate after the other, so its
/// Ratio column can compare a fast minute with a slow one. Here each round times a batch of bare signatures and a batch
/// of handler sends back to back (alternating which goes first) and keeps the ratio of the two; drift cancels out
/// within a round, and the median over rounds is the figure to read.
/// </summary>
internal static class InterleavedRunner
{
    public static int Run(int rounds, int batch)
    {
        using var fixture = new SigningFixture();
        (string Name, Action Bare, Action Handler)[] cases =
        [
            ("GET", () => fixture.SignBare(fixture.GetSigningString), () => Send(fixture, fixture.CreateGet())),
            ("POST 1KB", () => fixture.SignBare(fixture.Post1KBSigningString), () => Send(fixture, fixture.CreatePost1KB())),
        ];

        Console.WriteLine($"Interleaved: {rounds} rounds per case; each round {batch} bare signatures and {batch} handler sends, order alternating.");
        Console.WriteLine($"{Environment.ProcessorCount} logical CPUs, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}.");
        Console.WriteLine();
        Console.WriteLine("| Case | Bare us/op (median) | Handler us/op (median) | Handler - bare us/op (median) | Ratio p10 | Ratio median | Ratio p90 |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach ((string name, Action bare, Action handler) in cases)
        {
            WarmUp(bare, handler, batch);
            (double[] bareUs, double[] handlerUs, double[] ratios) = Measure(bare, handler, rounds, batch);
            double[] extraUs = [.. handlerUs.Select((handlerTime, round) => handlerTime - bareUs[round])];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Percentile(bareUs, 0.5):F1} | {Percentile(handlerUs, 0.5):F1} | {Percentile(extraUs, 0.5):F1} | {Percentile(ratios, 0.1):F3} | {Percentile(ratios, 0.5):F3} | {Percentile(ratios, 0.9):F3} |"));
        }

        return 0;
    }

    private static void Send(SigningFixture fixture, HttpRequestMessage request)
    {
        using (request)
        {
            fixture.Send(request);
        }
    }

    /// <summary>At least two seconds of both sides, so tiered JIT has finished and the key pool is filled.</summary>
    private static void WarmUp(Action bare, Action handler, int batch)
    {
        long start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(start) < TimeSpan.FromSeconds(2))
        {
            Measure(bare, handler, rounds: 10, batch);
        }
    }

    private static (double[] BareUs, double[] HandlerUs, double[] Ratios) Measure(Action bare, Action handler, int rounds, int batch)
    {
        var bareUs = new double[rounds];
        var handlerUs = new double[rounds];
        var ratios = new double[rounds];
        for (int round = 0; round < rounds; round++)
        {
            bool bareFirst = round % 2 == 0;
            double first = Time(bareFirst ? bare : handler, batch);
            double second = Time(bareFirst ? handler : bare, batch);
            bareUs[round] = (bareFirst ? first : second) / batch;
            handlerUs[round] = (bareFirst ? second : first) / batch;
            ratios[round] = handlerUs[round] / bareUs[round];
        }

        return (bareUs, handlerUs, ratios);
    }

    /// <summary>Microseconds for <paramref name="count"/> calls.</summary>
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
