using System.Diagnostics;

namespace OciRaw.Benchmarks;

/// <summary>
/// Signing throughput across threads: one <see cref="ApiKeySigner"/> shared by one thread, then by as many threads as
/// cores, in alternating phases of equal length; each round gives the scaling ratio
/// <c>rate(N threads) / (N × rate(1 thread))</c> (1.0: perfect scaling), and the median of the rounds is printed.
/// Alternating phases, as in the interleaved runner, so that a change in the machine's load hits both sides alike.
/// A control runs the same way: bare <c>RSA.SignData</c> with one key per thread (nothing shared), so that what the
/// machine allows (other processes on the cores) is told apart from what the shared signer costs.
/// </summary>
internal static class SigningThroughput
{
    public static void Run(SigningFixture fixture, int rounds, TimeSpan phase)
    {
        int threads = Environment.ProcessorCount;
        Console.WriteLine($"Signing throughput: 1 vs {threads} threads sharing one signer, {rounds} rounds of {phase.TotalMilliseconds:0} ms phases.");
        Func<Action> shared = () => () =>
        {
            using HttpRequestMessage request = fixture.CreateGet();
            fixture.Signer.SignAsync(request).GetAwaiter().GetResult();
        };
        Func<Action> control = () =>
        {
            var key = System.Security.Cryptography.RSA.Create();
            key.ImportParameters(fixture.BareRsa.ExportParameters(includePrivateParameters: true));
            return () => key.SignData(fixture.GetSigningString, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        };
        Report("shared ApiKeySigner (GET)", shared, threads, rounds, phase);
        Report("control: bare RSA.SignData, one key per thread", control, threads, rounds, phase);
    }

    private static void Report(string name, Func<Action> work, int threads, int rounds, TimeSpan phase)
    {
        Measure(work, 1, phase); // warm-up
        Measure(work, threads, phase);
        var ratios = new List<double>();
        var singles = new List<double>();
        var multis = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            double single = Measure(work, 1, phase);
            double multi = Measure(work, threads, phase);
            singles.Add(single);
            multis.Add(multi);
            ratios.Add(multi / (threads * single));
        }

        ratios.Sort();
        singles.Sort();
        multis.Sort();
        Console.WriteLine($"{name}: 1 thread median {singles[rounds / 2]:0}/s; {threads} threads median {multis[rounds / 2]:0}/s; " +
            $"scaling rate({threads}) / ({threads} x rate(1)): median {ratios[rounds / 2]:0.000} (min {ratios[0]:0.000}, max {ratios[^1]:0.000})");
    }

    /// <summary>Operations per second of <paramref name="threads"/> threads, each running its own <paramref name="work"/>() for <paramref name="phase"/>.</summary>
    private static double Measure(Func<Action> work, int threads, TimeSpan phase)
    {
        long total = 0;
        using var start = new Barrier(threads + 1);
        var workers = new Thread[threads];
        long deadline = 0;
        for (int i = 0; i < threads; i++)
        {
            Action operation = work();
            workers[i] = new Thread(() =>
            {
                start.SignalAndWait();
                long count = 0;
                while (Stopwatch.GetTimestamp() < Volatile.Read(ref deadline))
                {
                    operation();
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
