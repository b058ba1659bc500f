namespace OciRaw;

/// <summary>
/// When a token is due for refresh: a margin before its expiry of the larger of 60 s and 10% of its lifetime, but
/// never more than half the lifetime. Without that bound a token of 60 s or less would be due the moment it is
/// issued, and every request would refresh; with it, a 15 s token serves for 7.5 s and is then replaced.
/// </summary>
internal static class TokenRefreshTiming
{
    private static readonly TimeSpan MinimumMargin = TimeSpan.FromSeconds(60);

    /// <summary>The refresh time of a token issued at <paramref name="issuedAt"/> that expires at <paramref name="expiresAt"/>.</summary>
    public static DateTimeOffset RefreshAt(DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        long lifetime = Math.Max(0, (expiresAt - issuedAt).Ticks);
        long margin = Math.Min(Math.Max(MinimumMargin.Ticks, lifetime / 10), lifetime / 2);
        return expiresAt - TimeSpan.FromTicks(margin);
    }

    /// <summary>
    /// How long to wait after the <paramref name="failures"/>-th failed refresh before the next one starts: the base
    /// delay doubled per failure, capped at 30 s. No jitter: one signer per process refreshes, not a crowd.
    /// </summary>
    public static TimeSpan Backoff(TimeSpan baseDelay, int failures)
    {
        double seconds = baseDelay.TotalSeconds * Math.Pow(2, Math.Min(failures - 1, 16));
        return TimeSpan.FromSeconds(Math.Min(seconds, 30));
    }
}
