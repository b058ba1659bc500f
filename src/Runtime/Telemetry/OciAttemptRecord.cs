namespace OciRaw;

/// <summary>
/// One HTTP attempt as an <see cref="OciObserver"/> receives it. Only safe data: the method, host and path (never the
/// query), the status, the <c>opc-request-id</c>, timings and the reason for a retry.
/// </summary>
public sealed class OciAttemptRecord
{
    internal OciAttemptRecord(string method, string host, string path, int attempt)
    {
        Method = method;
        Host = host;
        Path = path;
        Attempt = attempt;
    }

    /// <summary>The HTTP method, e.g. <c>GET</c>.</summary>
    public string Method { get; }

    /// <summary>The endpoint's host.</summary>
    public string Host { get; }

    /// <summary>The request path, without the query (whose values may be secret).</summary>
    public string Path { get; }

    /// <summary>The attempt number, from 1.</summary>
    public int Attempt { get; }

    /// <summary>The service name of a generated service client (<c>[OciService]</c>), or null.</summary>
    public string? ServiceName { get; internal init; }

    /// <summary>The response's status code, or null when the attempt ended with an error.</summary>
    public int? StatusCode { get; internal init; }

    /// <summary>The response's <c>opc-request-id</c>, else the one sent; null when there was none.</summary>
    public string? RequestId { get; internal init; }

    /// <summary>The time from sending to the response's headers, or to the error.</summary>
    public TimeSpan Duration { get; internal init; }

    /// <summary>The type of the exception that ended the attempt, or null.</summary>
    public string? ErrorType { get; internal init; }

    /// <summary>Why the attempt is retried (e.g. <c>503 ServiceUnavailable</c>, <c>timeout</c>), or null when it is the last.</summary>
    public string? RetryReason { get; internal init; }

    /// <summary>How long the retry handler waits before the next attempt; zero when there is none.</summary>
    public TimeSpan RetryDelay { get; internal init; }
}
