using System.Runtime.ExceptionServices;

namespace OciRaw;

/// <summary>
/// Applies OCI's retry policy (<see cref="OciRetryOptions"/>) to every request it sends. Place it before
/// <see cref="OciSigningHandler"/> (<c>new OciRetryHandler(new OciSigningHandler(signer))</c>) so that each attempt is
/// signed anew with a fresh date. A request whose body cannot be sent twice (a stream sent without being buffered) is
/// not retried, and the error says so. The generated <c>Create(OciSigner, string)</c> factories put it in their pipeline.
/// </summary>
/// <remarks>
/// The handler owns the per-attempt timeout (<see cref="OciRetryOptions.AttemptTimeout"/>); give the
/// <see cref="HttpClient"/> an infinite <see cref="HttpClient.Timeout"/> (or at least <see cref="OciRetryOptions.MaxElapsedTime"/>)
/// or its own timeout cancels the retries. The synchronous <see cref="HttpClient.Send(HttpRequestMessage)"/> path
/// sends once.
/// </remarks>
public sealed class OciRetryHandler : DelegatingHandler
{
    private const string ClientRetriesHeader = "opc-client-retries";
    private static readonly HttpRequestOptionsKey<string> NotRetriedKey = new("OciRaw.NotRetried");

    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a handler with OCI's default policy; the inner handler is set by the caller or the factory.</summary>
    public OciRetryHandler()
        : this(null, null)
    {
    }

    /// <summary>Creates a handler with <paramref name="options"/> (null: the default policy) on <paramref name="timeProvider"/> (null: the system clock).</summary>
    public OciRetryHandler(OciRetryOptions? options, TimeProvider? timeProvider)
    {
        Options = (options ?? new OciRetryOptions()).Validate();
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Creates a handler that sends through <paramref name="innerHandler"/> (null options: the default policy; null clock: the system clock).</summary>
    public OciRetryHandler(HttpMessageHandler innerHandler, OciRetryOptions? options, TimeProvider? timeProvider)
        : base(innerHandler)
    {
        Options = (options ?? new OciRetryOptions()).Validate();
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The policy this handler applies.</summary>
    public OciRetryOptions Options { get; }

    /// <summary>The service name traces, metrics and observer records carry (<c>oci.service</c>); set by the generated service factory.</summary>
    public string? ServiceName { get; init; }

    /// <summary>Receives a record of every attempt (the DI package logs them); null: none.</summary>
    public OciObserver? Observer { get; init; }

    /// <summary>Why a response came back without the retries its status would have earned, or null.</summary>
    internal static string? NotRetriedReason(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(NotRetriedKey, out string? reason) ? reason : null;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        OciRetryOptions options = Options;
        int maxAttempts = options.Enabled ? options.MaxAttempts : 1;
        if (options.Enabled && !request.Headers.NonValidated.Contains(ClientRetriesHeader))
        {
            request.Headers.TryAddWithoutValidation(ClientRetriesHeader, "true");
        }

        long started = _timeProvider.GetTimestamp();
        for (int attempt = 1; ; attempt++)
        {
            options.CircuitBreaker?.ThrowIfOpen(request.RequestUri!);
            HttpResponseMessage? response = null;
            Exception? failure = null;
            string? reason = null;
            AttemptTelemetry telemetry = AttemptTelemetry.Start(request, ServiceName, attempt, Observer);
            AttemptTimeout timeout = AttemptTimeout.Start(options.AttemptTimeout, _timeProvider, cancellationToken);
            try
            {
                response = await base.SendAsync(request, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (timeout.Fired && !cancellationToken.IsCancellationRequested)
            {
                failure = new TaskCanceledException(
                    $"The request got no response within the attempt timeout of {options.AttemptTimeout.TotalSeconds:0.###} s.",
                    new TimeoutException(e.Message, e));
                reason = "timeout";
            }
            catch (HttpRequestException e) when (RetryClassifier.Reason(e) is { } transient)
            {
                failure = e;
                reason = transient;
            }
            catch (Exception e) when (telemetry.StopOnEscape(request, ServiceName, e))
            {
                throw; // not reached: the filter ends the span of a failure that is not retried and returns false
            }
            finally
            {
                timeout.Dispose();
            }

            if (response is not null)
            {
                // Classified also when responses are not retried, if a breaker is counting: an answer that would have
                // been retried is a failure of the endpoint either way (and a 409 is read only then).
                reason = options.RetryResponses || options.CircuitBreaker is not null
                    ? await RetryClassifier.ReasonAsync(response, cancellationToken).ConfigureAwait(false)
                    : null;
                if (reason is null || !options.RetryResponses)
                {
                    if (reason is null)
                    {
                        options.CircuitBreaker?.RecordSuccess(request.RequestUri!);
                    }
                    else
                    {
                        options.CircuitBreaker?.RecordFailure(request.RequestUri!);
                    }

                    telemetry.Stop(request, ServiceName, response, null, null);
                    return response;
                }
            }

            options.CircuitBreaker?.RecordFailure(request.RequestUri!);
            TimeSpan delay = (response is null ? null : RetryBackoff.RetryAfter(response, _timeProvider.GetUtcNow()))
                ?? RetryBackoff.Jittered(options, attempt);
            string? stop = WhyStop(request, options, attempt, maxAttempts, _timeProvider.GetElapsedTime(started) + delay);
            telemetry.Stop(request, ServiceName, response, failure, stop is null ? reason : null, delay);
            if (stop is not null)
            {
                return GiveUp(request, response, failure!, stop, reason!, attempt);
            }

            OciTelemetry.Retries.Add(1, new KeyValuePair<string, object?>("oci.retry.reason", reason), new KeyValuePair<string, object?>("oci.service", ServiceName));
            response?.Dispose();
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Why no further attempt is made, or null to retry.</summary>
    private static string? WhyStop(HttpRequestMessage request, OciRetryOptions options, int attempt, int maxAttempts, TimeSpan elapsedAfterWait)
    {
        if (attempt >= maxAttempts)
        {
            return options.Enabled ? $"all {maxAttempts} attempts were made" : "retries are off";
        }

        if (!RequestBodyDigest.IsReplayable(request))
        {
            return $"its body ({request.Content!.GetType().Name}) was consumed by the first attempt and cannot be sent again; " +
                "send a byte array, a string or a seekable stream that OciSigningHandler buffers, to make it retryable";
        }

        return elapsedAfterWait > options.MaxElapsedTime
            ? $"the next attempt would start after the retry budget of {options.MaxElapsedTime.TotalSeconds:0.###} s"
            : null;
    }

    /// <summary>Hands back the last response (its error says why it was not retried), or throws the last failure.</summary>
    private static HttpResponseMessage GiveUp(HttpRequestMessage request, HttpResponseMessage? response, Exception failure, string stop, string reason, int attempt)
    {
        string note = $"{request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)} failed ({reason}) on attempt {attempt} and was not retried: {stop}.";
        if (response is not null)
        {
            request.Options.Set(NotRetriedKey, note);
            return response;
        }

        if (attempt == 1 && stop.StartsWith("its body", StringComparison.Ordinal))
        {
            throw new OciRetryException(note, failure);
        }

        ExceptionDispatchInfo.Throw(failure);
        return null!; // unreachable
    }
}
