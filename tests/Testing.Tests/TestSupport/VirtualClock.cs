using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace OciRaw.Testing.Tests.TestSupport;

/// <summary>
/// Virtual time for retry tests: a <see cref="FakeTimeProvider"/> starting at the real time (so signatures stay within the
/// emulator's clock-skew window) that also reports every timer it is asked for. A test can then see each wait the code
/// under test starts (its length is the timer's due time) and end it by advancing the clock; nothing really sleeps.
/// </summary>
internal sealed class VirtualClock : TimeProvider
{
    private static readonly TimeSpan NoProgress = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _fake = new(DateTimeOffset.UtcNow);
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();
    private readonly List<TimeSpan> _waits = [];

    /// <summary>Every timer's due time, in the order the timers were created.</summary>
    public IReadOnlyList<TimeSpan> Timers
    {
        get
        {
            lock (_waits)
            {
                return [.. _waits];
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long GetTimestamp() => _fake.GetTimestamp();

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ITimer timer = _fake.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_waits)
            {
                _waits.Add(dueTime);
            }

            _timers.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    public void Advance(TimeSpan by) => _fake.Advance(by);

    /// <summary>The due time of the next timer created (waits for it, in real time, up to 30 s).</summary>
    public async Task<TimeSpan> NextTimerAsync()
    {
        using var noProgress = new CancellationTokenSource(NoProgress);
        return await _timers.Reader.ReadAsync(noProgress.Token);
    }

    /// <summary>Runs <paramref name="call"/> to its end, letting every timer it starts expire at once.</summary>
    public async Task<T> DriveAsync<T>(Task<T> call)
    {
        await DriveAsync((Task)call);
        return await call;
    }

    /// <inheritdoc cref="DriveAsync{T}(Task{T})"/>
    public async Task DriveAsync(Task call)
    {
        using var noProgress = new CancellationTokenSource(NoProgress);
        while (!call.IsCompleted)
        {
            // Waits without taking the timer, so a timer created after the call ended stays for the next reader.
            Task<bool> ready = _timers.Reader.WaitToReadAsync(noProgress.Token).AsTask();
            if (await Task.WhenAny(call, ready) == call)
            {
                break;
            }

            if (_timers.Reader.TryRead(out TimeSpan due))
            {
                Advance(due);
            }
        }

        await call;
    }
}
