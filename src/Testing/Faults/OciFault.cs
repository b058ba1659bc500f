namespace OciRaw.Testing;

/// <summary>
/// One scripted response of the emulator: an error status with an OCI code, an optional <c>Retry-After</c>, a delay
/// before answering (alone, the request is then served normally after it), or a dropped connection (before or after the
/// request is served).
/// </summary>
public sealed record OciFault
{
    private OciFault()
    {
    }

    /// <summary>The status to answer with; null to serve the request normally (after <see cref="Delay"/>).</summary>
    public int? Status { get; private init; }

    /// <summary>OCI's error code, e.g. <c>TooManyRequests</c>.</summary>
    public string? Code { get; private init; }

    /// <summary>The error message.</summary>
    public string? Message { get; private init; }

    /// <summary>The <c>Retry-After</c> header, in whole seconds.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>How long to wait before answering (or dropping).</summary>
    public TimeSpan Delay { get; private init; }

    /// <summary>Close the connection without an answer.</summary>
    public bool DropConnection { get; private init; }

    /// <summary>Serve the request (a create creates), then close the connection instead of sending the answer.</summary>
    public bool LoseResponse { get; private init; }

    /// <summary>An error answer such as 503 ServiceUnavailable or 429 TooManyRequests.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not 400-599, or <paramref name="retryAfter"/> is negative.</exception>
    public static OciFault Error(int status, string code, string? message = null, TimeSpan? retryAfter = null)
    {
        // Outside 400-599 it would not be an error answer (and below 100 Kestrel cannot send it at all).
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        if (retryAfter is TimeSpan wait)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero, nameof(retryAfter));
        }

        return new() { Status = status, Code = code, Message = message ?? $"Injected fault: {code}.", RetryAfter = retryAfter };
    }

    /// <summary>Serve the request normally, but only after <paramref name="delay"/> (to test timeouts).</summary>
    public static OciFault Slow(TimeSpan delay) => new() { Delay = NotNegative(delay) };

    /// <summary>Drop the connection, after <paramref name="delay"/> if given.</summary>
    public static OciFault Drop(TimeSpan delay = default) => new() { DropConnection = true, Delay = NotNegative(delay) };

    /// <summary>
    /// Serve the request, then drop the connection before the answer is sent: the client sees a connection error for a
    /// request that took effect, the case <c>opc-retry-token</c> exists for.
    /// </summary>
    public static OciFault ServeThenDrop() => new() { LoseResponse = true };

    /// <summary>This fault with a delay before it is applied.</summary>
    public OciFault After(TimeSpan delay) => this with { Delay = NotNegative(delay) };

    private static TimeSpan NotNegative(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return delay;
    }
}
