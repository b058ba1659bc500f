using System.Diagnostics;

namespace OciRaw.Benchmarks;

/// <summary>
/// Signing throughput across threads: one <see cref="ApiKeySigner"/> shared by one thread, then by as many threads as
/// cores, in alternating phases of equal length; each round gives the scaling ratio
/// <c>rate(N threads) / (N × rate(1 thread))</c> (1.0: perfect scaling), and the median of the rounds is printed.
/// Alternating phases, as in the interleaved runner, so that a change in the machine's load hits both sides alike.
/// </summary>
internal static class SigningThroughput
{
    public static void Run(SigningFixture fixture, int rounds, TimeSpan phase)
    {
        int threads = Environment.ProcessorCount;
        Console.WriteLine($"Signing throughput: 1 vs {threads} threads sharing one signer, {rounds} rounds of {phase.TotalMilliseconds:0} ms phases.");
        Measure(fixture, 1, phase); // warm-up
        Measure(fixture, threads, phase);
        var ratios = new List<double>();
        var singles = new List<double>();
        var multis = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            double single = Measure(fixture, 1, phase);
            double multi = Measure(fixture, threads, phase);
            singles.Add(single);
            multis.Add(multi);
            ratios.Add(multi / (threads * single));
        }

        ratios.Sort();
        singles.Sort();
        multis.Sort();
        Console.WriteLine($"1 thread: median {singles[rounds / 2]:0} signatures/s; {threads} threads: median {multis[rounds / 2]:0} signatures/s");
        Console.WriteLine($"scaling ratio rate({threads}) / ({threads} x rate(1)): median {ratios[rounds / 2]:0.000}, min {ratios[0]:0.000}, max {ratios[^1]:0.000}");
    }

    /// <summary>Signatures per second of <paramref name="threads"/> threads signing GET requests with the shared signer for <paramref name="phase"/>.</summary>
    private static double Measure(SigningFixture fixture, int threads, TimeSpan phase)
    {
        long total = 0;
        using var start = new Barrier(threads + 1);
        var workers = new Thread[threads];
        long deadline = 0;
        for (int i = 0; i < threads; i++)
        {
            workers[i] = new Thread(() =>
            {
                start.SignalAndWait();
                long count = 0;
                while (Stopwatch.GetTimestamp() < Volatile.Read(ref deadline))
                {
                    using HttpRequestMessage request = fixture.CreateGet();
                    fixture.Signer.SignAsync(request).GetAwaiter().GetResult();
                    count++;
                }

                Interlocked.Add(ref total, count);
            });
            workers[i].Start();
        }

        long started = Stopwatch.GetTimestamp();
        Volatile.Write(ref deadline, started + (long)(phase.TotalSeconds * Stopwatch.Frequency));
        start.SignalAndWait();
        foreach (Thread worker in workers)
        {
            worker.Join();
        }

        return total / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
