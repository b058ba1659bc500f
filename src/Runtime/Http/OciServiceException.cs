using System.Net;
using System.Text;
using System.Text.Json;

namespace OciRaw;

/// <summary>
/// An OCI service answered with a non-2xx status. Carries the OCI error <see cref="ServiceCode"/> and message, the
/// status, <see cref="OpcRequestId"/> (quote it to Oracle support) and the raw body, kept even when it is not JSON.
/// </summary>
public sealed class OciServiceException : OciException
{
    /// <summary>Bodies longer than this are cut in <see cref="ResponseBody"/> (the full body is rarely useful and may be huge).</summary>
    public const int MaxBodyLength = 64 * 1024;

    /// <summary>Creates the exception.</summary>
    public OciServiceException(HttpStatusCode statusCode, string serviceCode, string serviceMessage, string? opcRequestId, string responseBody, string? operation = null)
        : this(statusCode, serviceCode, serviceMessage, opcRequestId, responseBody, operation, notRetried: null)
    {
    }

    // notRetried: why OciRetryHandler handed back a status it would normally retry (a body it could not send again).
    private OciServiceException(HttpStatusCode statusCode, string serviceCode, string serviceMessage, string? opcRequestId, string responseBody, string? operation, string? notRetried)
        : base(FormatMessage(statusCode, serviceCode, serviceMessage, opcRequestId, operation) + (notRetried is null ? string.Empty : " " + notRetried))
    {
        StatusCode = statusCode;
        ServiceCode = serviceCode;
        ServiceMessage = serviceMessage;
        OpcRequestId = opcRequestId;
        ResponseBody = responseBody;
        Operation = operation;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>OCI's error code, e.g. <c>NotAuthorizedOrNotFound</c>; the reason phrase when the body has none.</summary>
    public string ServiceCode { get; }

    /// <summary>OCI's error message as the service wrote it.</summary>
    public string ServiceMessage { get; }

    /// <summary>The <c>opc-request-id</c> of the failed call.</summary>
    public string? OpcRequestId { get; }

    /// <summary>The response body as text (cut at <see cref="MaxBodyLength"/> characters).</summary>
    public string ResponseBody { get; }

    /// <summary>The operation that failed: <c>VERB uri</c>.</summary>
    public string? Operation { get; }

    /// <summary>Reads the error out of a non-2xx response (the body is read and kept).</summary>
    public static async Task<OciServiceException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        byte[] bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        string body = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, MaxBodyLength));
        (string? code, string? message) = TryReadError(bytes);
        string? requestId = ResponseFacts.OpcRequestId(response);
        string? operation = ResponseFacts.Operation(response);
        return new OciServiceException(
            response.StatusCode,
            code ?? response.ReasonPhrase ?? response.StatusCode.ToString(),
            message ?? (body.Length > 0 ? body : $"The service answered {(int)response.StatusCode} with no body."),
            requestId,
            body,
            operation,
            OciRetryHandler.NotRetriedReason(response.RequestMessage));
    }

    internal static (string? Code, string? Message) TryReadError(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            string? code = null;
            string? message = null;
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (null, null);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isCode = reader.ValueTextEquals("code"u8);
                bool isMessage = reader.ValueTextEquals("message"u8);
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && (isCode || isMessage))
                {
                    if (isCode)
                    {
                        code = reader.GetString();
                    }
                    else
                    {
                        message = reader.GetString();
                    }
                }
                else
                {
                    reader.Skip();
                }
            }

            return (code, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string FormatMessage(HttpStatusCode statusCode, string serviceCode, string serviceMessage, string? opcRequestId, string? operation) =>
        $"{(int)statusCode} {serviceCode}: {serviceMessage}" +
        (operation is null ? string.Empty : $" ({operation})") +
        (opcRequestId is null ? string.Empty : $" opc-request-id: {opcRequestId}");
}
