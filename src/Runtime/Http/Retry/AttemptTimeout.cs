namespace OciRaw;

/// <summary>
/// The cancellation of one attempt: the caller's token, plus a timer on the handler's clock when a per-attempt timeout is
/// set. With no timeout nothing is allocated and the caller's token is used as is.
/// </summary>
internal readonly struct AttemptTimeout : IDisposable
{
    private readonly CancellationTokenSource? _source;
    private readonly CancellationTokenRegistration _link;

    private AttemptTimeout(CancellationTokenSource? source, CancellationTokenRegistration link, CancellationToken token)
    {
        _source = source;
        _link = link;
        Token = token;
    }

    public CancellationToken Token { get; }

    /// <summary>True when the timer, not the caller, cancelled the attempt.</summary>
    public bool Fired => _source is { IsCancellationRequested: true };

    public static AttemptTimeout Start(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return new AttemptTimeout(null, default, cancellationToken);
        }

        var source = new CancellationTokenSource(timeout, timeProvider);
        CancellationTokenRegistration link = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), source)
            : default;
        return new AttemptTimeout(source, link, source.Token);
    }

    public void Dispose()
    {
        _link.Dispose();
        _source?.Dispose();
    }
}
