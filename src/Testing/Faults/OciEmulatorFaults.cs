using System.Collections.Concurrent;

namespace OciRaw.Testing;

/// <summary>
/// Scripts the next responses of a route and counts calls, so tests can prove retries, refreshes and timeouts. Routes
/// are named <c>"VERB /template"</c> as the emulator serves them, e.g. <c>"POST /20160918/users"</c> or
/// <c>"GET /20160918/users/{userId}"</c>.
/// </summary>
public sealed class OciEmulatorFaults
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<OciFault>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    /// <summary>The next <paramref name="count"/> requests to <paramref name="route"/> get <paramref name="fault"/>.</summary>
    public void Enqueue(string route, OciFault fault, int count = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(route);
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ConcurrentQueue<OciFault> queue = _scripts.GetOrAdd(route, _ => new ConcurrentQueue<OciFault>());
        for (int i = 0; i < count; i++)
        {
            queue.Enqueue(fault);
        }
    }

    /// <summary>How many requests reached <paramref name="route"/> (faulted ones included).</summary>
    public int CallCount(string route) => _calls.TryGetValue(route, out int calls) ? calls : 0;

    /// <summary>Forgets every script and count.</summary>
    public void Reset()
    {
        _scripts.Clear();
        _calls.Clear();
    }

    internal OciFault? Next(string route)
    {
        _calls.AddOrUpdate(route, 1, (_, calls) => calls + 1);
        return _scripts.TryGetValue(route, out ConcurrentQueue<OciFault>? queue) && queue.TryDequeue(out OciFault? fault) ? fault : null;
    }
}
