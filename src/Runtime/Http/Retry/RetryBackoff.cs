using System.Net.Http.Headers;

namespace OciRaw;

/// <summary>How long to wait before the next attempt: the service's <c>Retry-After</c>, else exponential backoff with full jitter.</summary>
internal static class RetryBackoff
{
    /// <summary>
    /// Full jitter (a uniform time up to the exponential bound) spreads the retries of many clients that failed together,
    /// instead of sending them back in waves as a fixed or "plus up to a second" jitter does.
    /// </summary>
    public static TimeSpan Jittered(OciRetryOptions options, int failedAttempt)
    {
        double bound = Math.Min(options.MaxDelay.TotalSeconds, options.BaseDelay.TotalSeconds * Math.Pow(2, failedAttempt - 1));
        return TimeSpan.FromSeconds(bound * Random.Shared.NextDouble());
    }

    /// <summary>The wait a <c>Retry-After</c> header asks for (seconds or an HTTP date), or null when there is none.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        RetryConditionHeaderValue? retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is TimeSpan delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is DateTimeOffset date)
        {
            TimeSpan wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
