namespace OciRaw;

/// <summary>
/// What the runtime's exceptions quote about a response, read the same way everywhere: the <c>opc-request-id</c> to give
/// Oracle support, and the operation as <c>VERB uri</c>.
/// </summary>
internal static class ResponseFacts
{
    /// <summary>The response's <c>opc-request-id</c> (several values joined), or null.</summary>
    public static string? OpcRequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("opc-request-id", out IEnumerable<string>? ids) ? string.Join(", ", ids) : null;

    /// <summary>
    /// <c>VERB uri</c> of the request that got the response, or null when the handler did not link it. The URI is
    /// written as sent (<c>%20</c> stays escaped; <see cref="Uri.ToString"/> would show a space), so it can be quoted
    /// and replayed exactly.
    /// </summary>
    public static string? Operation(HttpResponseMessage response) => response.RequestMessage switch
    {
        { RequestUri: { IsAbsoluteUri: true } uri } request => $"{request.Method.Method} {uri.AbsoluteUri}",
        { RequestUri: { } uri } request => $"{request.Method.Method} {uri.OriginalString}",
        _ => null,
    };
}
