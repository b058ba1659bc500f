using System.Net;

namespace OciRaw;

/// <summary>
/// Which failures OCI's retry policy retries, and why, in words that go into logs and traces: 409
/// <c>IncorrectState</c> / <c>LockConflict</c>, 429, every 5xx but 501 (Not Implemented will not pass by itself),
/// timeouts and connection errors. Everything else (4xx, a TLS failure, a request the handler refuses) is final.
/// </summary>
internal static class RetryClassifier
{
    /// <summary>Why <paramref name="response"/> is worth another attempt, or null when it is final.</summary>
    public static async ValueTask<string?> ReasonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        int status = (int)response.StatusCode;
        if (status < 400)
        {
            return null;
        }

        if (status == 429)
        {
            return "429 TooManyRequests";
        }

        if (status >= 500 && status != 501)
        {
            return status.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + response.StatusCode;
        }

        if (status == 409)
        {
            // Only two 409 codes are transient; the body is buffered so the caller can still read it.
            await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            string? code = OciServiceException.TryReadError(body).Code;
            return code is "IncorrectState" or "LockConflict" ? "409 " + code : null;
        }

        return null;
    }

    /// <summary>Why <paramref name="exception"/> is worth another attempt (a connection error), or null when it is final.</summary>
    public static string? Reason(HttpRequestException exception) => exception.HttpRequestError switch
    {
        HttpRequestError.ConnectionError => "connection error",
        HttpRequestError.NameResolutionError => "name resolution error",
        HttpRequestError.ResponseEnded => "connection closed before the response ended",
        HttpRequestError.HttpProtocolError => "HTTP protocol error",
        HttpRequestError.Unknown when exception.InnerException is IOException or System.Net.Sockets.SocketException => "connection error",
        _ => null,
    };

    /// <summary>The failures §8.7 counts towards opening a circuit: the transient statuses, not a plain 4xx.</summary>
    public static bool CountsForCircuit(HttpStatusCode status) =>
        (int)status is 409 or 429 or (>= 500 and not 501);
}
