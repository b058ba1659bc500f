using System.Diagnostics;

namespace OciRaw;

/// <summary>
/// The span and duration of one attempt, following OpenTelemetry's HTTP client semantic conventions
/// (<c>http.request.method</c>, <c>server.address</c>, <c>server.port</c>, <c>url.full</c>,
/// <c>http.response.status_code</c>, <c>http.request.resend_count</c>, <c>error.type</c>) plus <c>oci.request_id</c> and
/// <c>oci.service</c>, and the record an <see cref="OciObserver"/> receives. A struct, started only when someone listens:
/// with no listener and no observer it is three checks.
/// </summary>
internal readonly struct AttemptTelemetry
{
    private readonly Activity? _activity;
    private readonly long _started;
    private readonly OciObserver? _observer;
    private readonly int _attempt;

    private AttemptTelemetry(Activity? activity, long started, OciObserver? observer, int attempt)
    {
        _activity = activity;
        _started = started;
        _observer = observer;
        _attempt = attempt;
    }

    public static AttemptTelemetry Start(HttpRequestMessage request, string? serviceName, int attempt, OciObserver? observer)
    {
        Activity? activity = OciTelemetry.Source.HasListeners()
            ? OciTelemetry.Source.StartActivity(request.Method.Method, ActivityKind.Client)
            : null;
        if (activity is { IsAllDataRequested: true })
        {
            Uri? uri = request.RequestUri;
            activity.SetTag("http.request.method", request.Method.Method);
            if (uri is { IsAbsoluteUri: true })
            {
                activity.SetTag("server.address", uri.Host);
                activity.SetTag("server.port", uri.Port);
                activity.SetTag("url.full", RedactedUrl(uri));
            }

            if (serviceName is not null)
            {
                activity.SetTag("oci.service", serviceName);
            }

            if (attempt > 1)
            {
                activity.SetTag("http.request.resend_count", attempt - 1);
            }
        }

        long started = activity is not null || observer is not null || OciTelemetry.RequestDuration.Enabled ? Stopwatch.GetTimestamp() : 0;
        return new AttemptTelemetry(activity, started, observer, attempt);
    }

    /// <summary>
    /// Ends the attempt with its response or failure; <paramref name="retryReason"/> says why it will be retried, after
    /// <paramref name="retryDelay"/>.
    /// </summary>
    public void Stop(HttpRequestMessage request, string? serviceName, HttpResponseMessage? response, Exception? failure, string? retryReason, TimeSpan retryDelay = default)
    {
        if (_started == 0)
        {
            return;
        }

        string? requestId = response is not null && response.Headers.NonValidated.TryGetValues(OpcRequestIds.HeaderName, out var ids)
            ? ids.ToString()
            : request.Headers.NonValidated.TryGetValues(OpcRequestIds.HeaderName, out var sent) ? sent.ToString() : null;
        string? errorType = failure?.GetType().FullName ?? (response is { IsSuccessStatusCode: false } ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        if (_activity is not null)
        {
            if (response is not null)
            {
                _activity.SetTag("http.response.status_code", (int)response.StatusCode);
            }

            _activity.SetTag("oci.request_id", requestId);
            if (errorType is not null)
            {
                _activity.SetTag("error.type", errorType);
                _activity.SetStatus(ActivityStatusCode.Error);
            }

            if (retryReason is not null)
            {
                _activity.AddEvent(new ActivityEvent("oci.retry", tags: new ActivityTagsCollection { ["oci.retry.reason"] = retryReason }));
            }

            _activity.Dispose();
        }

        if (OciTelemetry.RequestDuration.Enabled)
        {
            var tags = new TagList
            {
                { "http.request.method", request.Method.Method },
                { "server.address", request.RequestUri?.Host },
                { "oci.service", serviceName },
            };
            if (response is not null)
            {
                tags.Add("http.response.status_code", (int)response.StatusCode);
            }

            if (errorType is not null)
            {
                tags.Add("error.type", errorType);
            }

            OciTelemetry.RequestDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
        }

        _observer?.OnAttempt(new OciAttemptRecord(request.Method.Method, request.RequestUri?.Host ?? string.Empty, request.RequestUri?.AbsolutePath ?? string.Empty, _attempt)
        {
            ServiceName = serviceName,
            StatusCode = response is null ? null : (int)response.StatusCode,
            RequestId = requestId,
            Duration = Stopwatch.GetElapsedTime(_started),
            ErrorType = failure?.GetType().FullName,
            RetryReason = retryReason,
            RetryDelay = retryReason is null ? TimeSpan.Zero : retryDelay,
        });
    }

    /// <summary>Ends the span of an attempt whose exception is not retried; always false, for use in an exception filter.</summary>
    public bool StopOnEscape(HttpRequestMessage request, string? serviceName, Exception exception)
    {
        Stop(request, serviceName, null, exception, null);
        return false;
    }

    /// <summary>The URL with every query value replaced by <c>REDACTED</c>: names say what was asked, values may be secret.</summary>
    internal static string RedactedUrl(Uri uri)
    {
        string query = uri.Query;
        string path = uri.GetLeftPart(UriPartial.Path);
        if (query.Length <= 1)
        {
            return path;
        }

        var redacted = new System.Text.StringBuilder(path).Append('?');
        string[] pairs = query[1..].Split('&');
        for (int i = 0; i < pairs.Length; i++)
        {
            int equals = pairs[i].IndexOf('=', StringComparison.Ordinal);
            redacted.Append(i == 0 ? string.Empty : "&").Append(equals < 0 ? pairs[i] : pairs[i][..equals]).Append(equals < 0 ? string.Empty : "=REDACTED");
        }

        return redacted.ToString();
    }
}
