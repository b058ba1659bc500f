using System.Net;

namespace OciRaw;

/// <summary>
/// A successful response and the OCI headers callers usually need: what <c>Task&lt;OciResponse&gt;</c> returns for
/// operations whose result is carried in headers (a <c>202 Accepted</c> with <c>opc-work-request-id</c>, a
/// <c>204 No Content</c>). <see cref="OciResponse{T}"/> adds the deserialized body.
/// </summary>
public class OciResponse
{
    /// <summary>Creates a response (generated clients do this).</summary>
    public OciResponse(HttpStatusCode statusCode, OciResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        StatusCode = statusCode;
        Headers = headers;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>All response and content headers.</summary>
    public OciResponseHeaders Headers { get; }

    /// <summary><c>opc-request-id</c>: quote it when you contact Oracle support.</summary>
    public string? OpcRequestId => Headers["opc-request-id"];

    /// <summary><c>etag</c>: send it back as <c>if-match</c> for optimistic concurrency.</summary>
    public string? ETag => Headers["etag"];

    /// <summary><c>opc-next-page</c>: the <c>page</c> token of the next page, or null on the last page.</summary>
    public string? OpcNextPage => Headers["opc-next-page"];

    /// <summary><c>opc-work-request-id</c>: the work request that tracks an asynchronous operation (a <c>202 Accepted</c>).</summary>
    public string? OpcWorkRequestId => Headers["opc-work-request-id"];
}
