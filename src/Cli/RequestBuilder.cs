using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OciRaw.Cli;

/// <summary>Turns raw-request options into the <see cref="HttpRequestMessage"/> that is signed and sent.</summary>
internal static class RequestBuilder
{
    public static HttpRequestMessage Build(RawRequestOptions options)
    {
        var request = new HttpRequestMessage(options.Method, options.TargetUri);
        request.SetOciSigningStrategy(options.SigningStrategy);
        Dictionary<string, string> headers = options.RequestHeadersJson is { } headersJson ? ReadHeaders(headersJson) : [];
        if (options.RequestBody is { } body)
        {
            // Any method carries the body, GET included, as the OCI CLI's requests session sends it.
            request.Content = new ByteArrayContent(ReadBody(body, headers));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        if (options.RequestId is { } requestId)
        {
            // The session header of the OCI CLI; an opc-request-id in --request-headers wins, as there.
            request.Headers.TryAddWithoutValidation(OpcRequestId, requestId);
        }

        foreach ((string name, string value) in headers)
        {
            AddHeader(request, name, value);
        }

        return request;
    }

    private const string OpcRequestId = "opc-request-id";

    /// <summary>
    /// The body's bytes. As in the OCI CLI (parse_json_parameter) the body must be JSON, and blank means empty; unlike
    /// it, a content-type other than JSON in --request-headers sends the bytes as they are (binary uploads).
    /// </summary>
    private static byte[] ReadBody(string body, Dictionary<string, string> headers)
    {
        byte[] bytes = RequestBodySource.ReadBytes(body, "--request-body");
        string? contentType = headers.FirstOrDefault(h => string.Equals(h.Key, "content-type", StringComparison.OrdinalIgnoreCase)).Value;
        if (contentType is not null && !IsJsonMediaType(contentType))
        {
            return bytes;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw NotJson("it is not UTF-8 text");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            using JsonDocument parsed = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw NotJson(e.Message);
        }

        return bytes;
    }

    private static CliUsageException NotJson(string reason) => new(
        $"Parameter 'request_body' must be in JSON format ({reason}); nothing was sent. To send another format, name it in --request-headers, e.g. '{{\"content-type\": \"application/octet-stream\"}}'.");

    private static bool IsJsonMediaType(string contentType)
    {
        string mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private static Dictionary<string, string> ReadHeaders(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(RequestBodySource.ReadText(json, "--request-headers"));
        }
        catch (JsonException e)
        {
            throw new CliUsageException($"--request-headers is not valid JSON: {e.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new CliUsageException("--request-headers must be a JSON object of header names and values, e.g. '{\"opc-request-id\": \"abc\"}'.");
            }

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (JsonProperty header in document.RootElement.EnumerateObject())
            {
                headers[header.Name] = header.Value.ValueKind switch
                {
                    JsonValueKind.String => header.Value.GetString()!,
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => header.Value.GetRawText(),
                    _ => throw new CliUsageException($"--request-headers: the value of '{header.Name}' must be a string or a number."),
                };
            }

            return headers;
        }
    }

    private static void AddHeader(HttpRequestMessage request, string name, string value)
    {
        if (string.Equals(name, "content-length", StringComparison.OrdinalIgnoreCase))
        {
            if (request.Content is null)
            {
                throw new CliUsageException("--request-headers sets Content-Length, but there is no --request-body.");
            }

            if (!long.TryParse(value, out long length) || length < 0)
            {
                throw new CliUsageException($"--request-headers: Content-Length '{value}' is not a byte count.");
            }

            request.Content.Headers.ContentLength = length;
            return;
        }

        if (name.StartsWith("content-", StringComparison.OrdinalIgnoreCase))
        {
            request.Content ??= new ByteArrayContent([]);
            request.Content.Headers.Remove(name);
            if (!request.Content.Headers.TryAddWithoutValidation(name, value))
            {
                throw new CliUsageException($"--request-headers: '{name}' is not a valid header.");
            }

            return;
        }

        request.Headers.Remove(name);
        if (!request.Headers.TryAddWithoutValidation(name, value))
        {
            throw new CliUsageException($"--request-headers: '{name}' is not a valid request header name.");
        }
    }
}
