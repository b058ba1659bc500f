using System.Net;

namespace OciRaw;

/// <summary>A successful response with its deserialized body and the OCI headers callers usually need.</summary>
/// <typeparam name="T">The body type.</typeparam>
public sealed class OciResponse<T> : OciResponse
{
    /// <summary>Creates a response (generated clients do this).</summary>
    public OciResponse(T data, HttpStatusCode statusCode, OciResponseHeaders headers)
        : base(statusCode, headers)
    {
        Data = data;
    }

    /// <summary>The deserialized body.</summary>
    public T Data { get; }
}
