using Microsoft.Extensions.Logging;

namespace OciRaw.Extensions.DependencyInjection;

/// <summary>
/// Logs what the runtime observes through <see cref="ILogger"/>: every attempt (category <c>OciRaw.Http</c>) and every
/// security-token refresh (<c>OciRaw.Auth</c>). <c>AddOciClient</c> and <c>AddOciSigner</c> attach one; attach it
/// yourself to a hand-built pipeline with <see cref="OciRetryHandler.Observer"/> or <see cref="OciSignerOptions.Observer"/>.
/// The records hold no secret, token, signature or query value, so neither do the logs.
/// </summary>
public sealed partial class OciLoggingObserver : OciObserver
{
    /// <summary>The category of attempt events.</summary>
    public const string HttpCategory = "OciRaw.Http";

    /// <summary>The category of token-refresh events.</summary>
    public const string AuthCategory = "OciRaw.Auth";

    private readonly ILogger _http;
    private readonly ILogger _auth;

    /// <summary>Creates an observer that logs to <paramref name="loggerFactory"/>'s <c>OciRaw.Http</c> and <c>OciRaw.Auth</c> loggers.</summary>
    public OciLoggingObserver(ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _http = loggerFactory.CreateLogger(HttpCategory);
        _auth = loggerFactory.CreateLogger(AuthCategory);
    }

    /// <inheritdoc />
    public override void OnAttempt(OciAttemptRecord attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        double milliseconds = attempt.Duration.TotalMilliseconds;
        if (attempt.RetryReason is { } reason)
        {
            AttemptRetried(_http, attempt.Method, attempt.Path, attempt.StatusCode, attempt.RequestId, attempt.Attempt, milliseconds, reason, attempt.RetryDelay.TotalMilliseconds, attempt.ServiceName);
        }
        else if (attempt.StatusCode is { } status)
        {
            AttemptCompleted(_http, attempt.Method, attempt.Path, status, attempt.RequestId, attempt.Attempt, milliseconds, attempt.ServiceName);
        }
        else
        {
            AttemptFailed(_http, attempt.Method, attempt.Path, attempt.ErrorType, attempt.RequestId, attempt.Attempt, milliseconds, attempt.ServiceName);
        }
    }

    /// <inheritdoc />
    public override void OnTokenRefresh(OciTokenRefreshRecord refresh)
    {
        ArgumentNullException.ThrowIfNull(refresh);
        if (refresh.ErrorType is { } error)
        {
            TokenRefreshFailed(_auth, refresh.Signer, error, refresh.Duration.TotalMilliseconds);
        }
        else
        {
            TokenRefreshed(_auth, refresh.Signer, refresh.ExpiresAt, refresh.Duration.TotalMilliseconds);
        }
    }

    [LoggerMessage(EventId = 1, EventName = "OciAttemptCompleted", Level = LogLevel.Information,
        Message = "{Method} {Path} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms (attempt {Attempt}, opc-request-id {RequestId}, service {Service})")]
    private static partial void AttemptCompleted(ILogger logger, string method, string path, int statusCode, string? requestId, int attempt, double elapsedMilliseconds, string? service);

    [LoggerMessage(EventId = 2, EventName = "OciAttemptRetried", Level = LogLevel.Warning,
        Message = "{Method} {Path} attempt {Attempt} failed ({RetryReason}, status {StatusCode}, opc-request-id {RequestId}) after {ElapsedMilliseconds:0.0} ms; retrying in {RetryDelayMilliseconds:0} ms (service {Service})")]
    private static partial void AttemptRetried(ILogger logger, string method, string path, int? statusCode, string? requestId, int attempt, double elapsedMilliseconds, string retryReason, double retryDelayMilliseconds, string? service);

    [LoggerMessage(EventId = 3, EventName = "OciAttemptFailed", Level = LogLevel.Warning,
        Message = "{Method} {Path} attempt {Attempt} failed with {ErrorType} after {ElapsedMilliseconds:0.0} ms and is not retried (opc-request-id {RequestId}, service {Service})")]
    private static partial void AttemptFailed(ILogger logger, string method, string path, string? errorType, string? requestId, int attempt, double elapsedMilliseconds, string? service);

    [LoggerMessage(EventId = 10, EventName = "OciTokenRefreshed", Level = LogLevel.Information,
        Message = "The {Signer} signer got a new security token in {ElapsedMilliseconds:0.0} ms; it expires at {ExpiresAt:u}")]
    private static partial void TokenRefreshed(ILogger logger, string signer, DateTimeOffset? expiresAt, double elapsedMilliseconds);

    [LoggerMessage(EventId = 11, EventName = "OciTokenRefreshFailed", Level = LogLevel.Warning,
        Message = "The {Signer} signer could not refresh its security token ({ErrorType}, after {ElapsedMilliseconds:0.0} ms)")]
    private static partial void TokenRefreshFailed(ILogger logger, string signer, string errorType, double elapsedMilliseconds);
}
