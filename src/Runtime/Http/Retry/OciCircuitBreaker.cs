using System.Collections.Concurrent;

namespace OciRaw;

/// <summary>
/// A circuit breaker per service endpoint (scheme, host and port), as the Python SDK installs one per client (spec §8.7):
/// after <see cref="FailureThreshold"/> consecutive transient failures (409 <c>IncorrectState</c>/<c>LockConflict</c>,
/// 429, 5xx but 501, timeouts, connection errors) the endpoint is open for <see cref="BreakDuration"/> and calls to it
/// fail at once with <see cref="OciCircuitOpenException"/> instead of adding load to a service that is struggling. After
/// that one call goes through; its failure opens the circuit again, its success closes it. Share one instance between
/// the clients that call the same endpoints.
/// </summary>
public sealed class OciCircuitBreaker
{
    private readonly ConcurrentDictionary<string, EndpointState> _endpoints = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a breaker; the defaults are the Python SDK's (10 failures, 30 s).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is below 1 or the duration is not positive.</exception>
    public OciCircuitBreaker(int failureThreshold = 10, TimeSpan? breakDuration = null, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failureThreshold, 1);
        BreakDuration = breakDuration ?? TimeSpan.FromSeconds(30);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BreakDuration, TimeSpan.Zero, nameof(breakDuration));
        FailureThreshold = failureThreshold;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Consecutive transient failures that open the circuit of an endpoint.</summary>
    public int FailureThreshold { get; }

    /// <summary>How long an open circuit refuses calls.</summary>
    public TimeSpan BreakDuration { get; }

    /// <summary>Whether calls to <paramref name="endpoint"/> are refused now.</summary>
    public bool IsOpen(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return OpenUntil(Key(endpoint)) is not null;
    }

    internal void ThrowIfOpen(Uri endpoint)
    {
        string key = Key(endpoint);
        if (OpenUntil(key) is { } until)
        {
            throw new OciCircuitOpenException(key, until);
        }
    }

    internal void RecordSuccess(Uri endpoint)
    {
        if (_endpoints.TryGetValue(Key(endpoint), out EndpointState? state))
        {
            lock (state)
            {
                state.Failures = 0;
            }
        }
    }

    internal void RecordFailure(Uri endpoint)
    {
        EndpointState state = _endpoints.GetOrAdd(Key(endpoint), static _ => new EndpointState());
        lock (state)
        {
            state.Failures++;
            if (state.Failures >= FailureThreshold)
            {
                state.OpenUntil = _timeProvider.GetUtcNow() + BreakDuration;
                // Half-open afterwards: the next failure alone opens it again.
                state.Failures = FailureThreshold - 1;
            }
        }
    }

    private static string Key(Uri endpoint) => endpoint.GetLeftPart(UriPartial.Authority);

    /// <summary>Until when calls to the endpoint <paramref name="key"/> are refused, or null when they go through now.</summary>
    private DateTimeOffset? OpenUntil(string key) =>
        _endpoints.TryGetValue(key, out EndpointState? state) && state.OpenUntil > _timeProvider.GetUtcNow() ? state.OpenUntil : null;

    private sealed class EndpointState
    {
        public int Failures { get; set; }

        public DateTimeOffset OpenUntil { get; set; } = DateTimeOffset.MinValue;
    }
}
