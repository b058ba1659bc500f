using System.Net;

namespace OciRaw;

/// <summary>
/// An OCI service answered with a 2xx status but no body (typically <c>204 No Content</c>), while the generated method
/// returns a type that cannot be null, such as <c>Task&lt;User&gt;</c>. The call itself succeeded, so this is not an
/// <see cref="OciServiceException"/>: the method's declared result does not fit what the service sent. Declare the
/// result nullable (<c>Task&lt;User?&gt;</c>, <c>Task&lt;OciResponse&lt;User?&gt;&gt;</c>) to get null instead, or
/// <c>Task</c> when the operation never returns a body.
/// </summary>
public sealed class OciEmptyBodyException : OciException
{
    /// <summary>Creates the exception.</summary>
    public OciEmptyBodyException(HttpStatusCode statusCode, string? opcRequestId, string? operation = null)
        : base(FormatMessage(statusCode, opcRequestId, operation))
    {
        StatusCode = statusCode;
        OpcRequestId = opcRequestId;
        Operation = operation;
    }

    /// <summary>The HTTP status (2xx).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The <c>opc-request-id</c> of the call.</summary>
    public string? OpcRequestId { get; }

    /// <summary>The operation that got no body: <c>VERB uri</c>.</summary>
    public string? Operation { get; }

    /// <summary>Describes an empty successful response.</summary>
    internal static OciEmptyBodyException FromResponse(HttpResponseMessage response) =>
        new(response.StatusCode, ResponseFacts.OpcRequestId(response), ResponseFacts.Operation(response));

    private static string FormatMessage(HttpStatusCode statusCode, string? opcRequestId, string? operation) =>
        $"The service answered {(int)statusCode} with no body{(operation is null ? string.Empty : " to " + operation)}, but the method's result type cannot be null. " +
        "Declare it nullable (Task<T?> or Task<OciResponse<T?>>) to get null for an empty body." +
        (opcRequestId is null ? string.Empty : $" opc-request-id: {opcRequestId}");
}
