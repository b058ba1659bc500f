namespace OciRaw;

/// <summary>
/// OCI's retry policy, as the Python and Go SDKs apply it by default: 409 <c>IncorrectState</c> / <c>LockConflict</c>, 429,
/// every 5xx except 501, timeouts and connection errors are retried, up to <see cref="MaxAttempts"/> attempts within
/// <see cref="MaxElapsedTime"/>, waiting an exponential backoff with full jitter (or the <c>Retry-After</c> the service
/// asks for) between attempts. Used by <see cref="OciRetryHandler"/>; change a copy with <c>with { ... }</c>.
/// </summary>
public sealed record OciRetryOptions
{
    /// <summary>The environment variable the OCI SDKs read: <c>false</c> turns the default retries off.</summary>
    public const string EnabledEnvironmentVariable = "OCI_SDK_DEFAULT_RETRY_ENABLED";

    /// <summary>
    /// Whether requests are retried at all. Defaults to true unless <c>OCI_SDK_DEFAULT_RETRY_ENABLED=false</c> (read when
    /// the options are created). Off, the handler sends each request once and adds no retry headers.
    /// </summary>
    public bool Enabled { get; init; } = !string.Equals(Environment.GetEnvironmentVariable(EnabledEnvironmentVariable)?.Trim(), "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>Attempts in total, the first included (OCI SDKs: 8). 1 means no retry.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>The backoff before retry <c>n</c> is a random time in [0, min(<see cref="MaxDelay"/>, BaseDelay·2^(n-1))].</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The cap of one backoff wait (OCI SDKs: 30 s). A longer <c>Retry-After</c> is still honoured.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The time budget of one logical call, attempts and waits included (OCI SDKs: 600 s): no retry starts whose wait
    /// would end after it.
    /// </summary>
    public TimeSpan MaxElapsedTime { get; init; } = TimeSpan.FromSeconds(600);

    /// <summary>
    /// How long one attempt may take until its response headers arrive; an attempt that takes longer is cancelled and
    /// retried as a timeout. <see cref="Timeout.InfiniteTimeSpan"/> turns the per-attempt timeout off.
    /// </summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Whether error responses (409 <c>IncorrectState</c>/<c>LockConflict</c>, 429, 5xx) are retried; false retries only
    /// timeouts and connection errors and hands every response back as it came. <c>ociraw raw-request</c> sets it, as
    /// <c>oci raw-request</c> retries only failures that raise (a response of any status is its answer to print).
    /// </summary>
    internal bool RetryResponses { get; init; } = true;

    /// <summary>An optional circuit breaker shared by every handler given these options (§8.7 of the spec); none by default.</summary>
    public OciCircuitBreaker? CircuitBreaker { get; init; }

    /// <summary>Options that send every request once.</summary>
    public static OciRetryOptions None { get; } = new() { Enabled = false };

    /// <summary>Checks the values; a wrong one is named in the exception.</summary>
    internal OciRetryOptions Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(BaseDelay, TimeSpan.Zero, nameof(BaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, TimeSpan.Zero, nameof(MaxDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxElapsedTime, TimeSpan.Zero, nameof(MaxElapsedTime));
        if (AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AttemptTimeout, TimeSpan.Zero, nameof(AttemptTimeout));
        }

        return this;
    }
}
