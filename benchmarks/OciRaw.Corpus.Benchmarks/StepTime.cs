using System.Diagnostics;

namespace OciRaw.Corpus.Benchmarks;

/// <summary>
/// How long a step took, in wall time and in this process's CPU time (all threads). On a shared machine the wall time
/// includes waiting for a core; the CPU time is the step's own cost, so shares are computed from it.
/// </summary>
internal readonly record struct StepTime(TimeSpan Wall, TimeSpan Cpu)
{
    public static async Task<(T Result, StepTime Time)> MeasureAsync<T>(Func<Task<T>> step)
    {
        using Process process = Process.GetCurrentProcess();
        TimeSpan cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        T result = await step().ConfigureAwait(false);
        clock.Stop();
        process.Refresh();
        return (result, new StepTime(clock.Elapsed, process.TotalProcessorTime - cpu));
    }

    public static (T Result, StepTime Time) Measure<T>(Func<T> step) =>
        MeasureAsync(() => Task.FromResult(step())).GetAwaiter().GetResult();

    public override string ToString() =>
        FormattableString.Invariant($"{Cpu.TotalSeconds:0.0} s ({Wall.TotalSeconds:0.0} s wall)");
}
