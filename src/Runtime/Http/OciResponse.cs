using System.Net;
using System.Net.Http.Headers;

namespace OciRaw;

/// <summary>A successful response with its deserialized body and the OCI headers callers usually need.</summary>
/// <typeparam name="T">The body type.</typeparam>
public sealed class OciResponse<T>
{
    /// <summary>Creates a response (generated clients do this).</summary>
    public OciResponse(T data, HttpStatusCode statusCode, HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        Data = data;
        StatusCode = statusCode;
        Headers = headers;
    }

    /// <summary>The deserialized body.</summary>
    public T Data { get; }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>All response headers.</summary>
    public HttpResponseHeaders Headers { get; }

    /// <summary><c>opc-request-id</c>: quote it when you contact Oracle support.</summary>
    public string? OpcRequestId => Header("opc-request-id");

    /// <summary><c>etag</c>: send it back as <c>if-match</c> for optimistic concurrency.</summary>
    public string? ETag => Header("etag");

    /// <summary><c>opc-next-page</c>: the <c>page</c> token of the next page, or null on the last page.</summary>
    public string? OpcNextPage => Header("opc-next-page");

    private string? Header(string name) => Headers.NonValidated.TryGetValues(name, out HeaderStringValues values) ? values.ToString() : null;
}
