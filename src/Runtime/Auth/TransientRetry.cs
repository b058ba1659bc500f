using System.Net;

namespace OciRaw;

/// <summary>
/// Retries a call to the metadata or federation service on what can pass by itself: timeouts, connection errors, 429
/// and 5xx other than 501. Anything else (a 4xx) fails at once. Bounded in attempts and in total time.
/// </summary>
/// <remarks>
/// Waits and deadlines here are real time, not the signer's clock: they are about the network, which runs on real
/// time whatever clock decides when tokens expire.
/// </remarks>
internal sealed class TransientRetry(InstancePrincipalsSignerOptions options)
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    /// <summary>Sends with retries; returns a successful response, or throws <see cref="OciAuthenticationException"/> saying what failed.</summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpClient http, Func<CancellationToken, ValueTask<HttpRequestMessage>> createRequest, string what, CancellationToken cancellationToken)
    {
        DateTimeOffset deadline = Clock.GetUtcNow() + options.MaxRetryDuration;
        string lastProblem = "no attempt was made";
        for (int attempt = 1; attempt <= Math.Max(1, options.MaxAttempts); attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.RequestTimeout);
            using HttpRequestMessage request = await createRequest(cancellationToken).ConfigureAwait(false);
            HttpResponseMessage? response = null;
            try
            {
                response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
                    return response;
                }

                OciServiceException error = await OciServiceException.FromResponseAsync(response, cancellationToken).ConfigureAwait(false);
                lastProblem = $"{(int)error.StatusCode} {error.ServiceCode}: {error.ServiceMessage}";
                if (!IsTransient(response.StatusCode))
                {
                    throw new OciAuthenticationException($"{what} failed: {lastProblem}", error);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                lastProblem = $"no answer within {options.RequestTimeout.TotalSeconds:0.#} s";
            }
            catch (HttpRequestException e)
            {
                lastProblem = e.Message;
            }
            finally
            {
                if (response is { IsSuccessStatusCode: false })
                {
                    response.Dispose();
                }
            }

            TimeSpan delay = Backoff(attempt);
            if (attempt == options.MaxAttempts || Clock.GetUtcNow() + delay > deadline)
            {
                break;
            }

            await Task.Delay(delay, Clock, cancellationToken).ConfigureAwait(false);
        }

        throw new OciAuthenticationException($"{what} failed after retrying: {lastProblem}");
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests || ((int)status >= 500 && status != HttpStatusCode.NotImplemented);

    private TimeSpan Backoff(int attempt)
    {
        double seconds = Math.Min(options.RetryBaseDelay.TotalSeconds * Math.Pow(2, attempt - 1), 30);
        return TimeSpan.FromSeconds(seconds * (1 + (Random.Shared.NextDouble() * 0.5)));
    }
}
