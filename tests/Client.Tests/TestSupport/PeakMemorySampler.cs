namespace OciRaw.Client.Tests.TestSupport;

/// <summary>
/// Samples the managed heap (<see cref="GC.GetTotalMemory(bool)"/>, which counts garbage not yet collected too) on a
/// dedicated thread every millisecond, and reports the highest value above the baseline taken at the start after a
/// full collection. A streaming operation that buffered its body anywhere would show it here.
/// </summary>
internal sealed class PeakMemorySampler : IDisposable
{
    private readonly Thread _thread;
    private readonly long _baseline;
    private volatile bool _stop;
    private long _peak;

    private PeakMemorySampler()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        _baseline = GC.GetTotalMemory(forceFullCollection: true);
        _peak = _baseline;
        _thread = new Thread(Sample) { IsBackground = true, Name = "peak memory sampler" };
        _thread.Start();
    }

    public static PeakMemorySampler Start() => new();

    /// <summary>Stops sampling; returns the peak above the baseline, in bytes.</summary>
    public long Stop()
    {
        _stop = true;
        _thread.Join();
        return Interlocked.Read(ref _peak) - _baseline;
    }

    public void Dispose()
    {
        if (!_stop)
        {
            Stop();
        }
    }

    private void Sample()
    {
        while (!_stop)
        {
            long now = GC.GetTotalMemory(forceFullCollection: false);
            if (now > _peak)
            {
                Interlocked.Exchange(ref _peak, now);
            }

            Thread.Sleep(1);
        }
    }
}
