using System.Diagnostics;

namespace OciRaw.Corpus.Benchmarks;

/// <summary>
/// How long a step took, in wall time and in this process's CPU time (all threads), and what it allocated. On a shared
/// machine the wall time includes waiting for a core; the CPU time is the step's own cost, so shares are computed from
/// it. Allocation is exact (all threads).
/// </summary>
internal readonly record struct StepTime(TimeSpan Wall, TimeSpan Cpu, long AllocatedBytes)
{
    public static (T Result, StepTime Time) Measure<T>(Func<T> step)
    {
        // Each step starts on a collected heap, so that none pays for collecting the garbage of the one before (a compile
        // leaves gigabytes of bound compilation behind), as each would in a compiler process of its own.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using Process process = Process.GetCurrentProcess();
        TimeSpan cpu = process.TotalProcessorTime;
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        T result = step();
        clock.Stop();
        process.Refresh();
        return (result, new StepTime(clock.Elapsed, process.TotalProcessorTime - cpu, GC.GetTotalAllocatedBytes(precise: true) - allocated));
    }

    public override string ToString() =>
        FormattableString.Invariant($"{Cpu.TotalSeconds:0.0} s ({Wall.TotalSeconds:0.0} s wall)");
}
