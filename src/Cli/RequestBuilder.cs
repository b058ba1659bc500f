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
        if (options.RequestBody is { } body)
        {
            if (!OciSigningStrategyAllowsBody(options.Method))
            {
                throw new CliUsageException($"--request-body cannot be used with {options.Method.Method}; only POST, PUT and PATCH send a body.");
            }

            request.Content = new ByteArrayContent(ReadBody(body));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        if (options.RequestHeadersJson is { } headersJson)
        {
            AddHeaders(request, headersJson);
        }

        return request;
    }

    private static bool OciSigningStrategyAllowsBody(HttpMethod method) =>
        method == HttpMethod.Post || method == HttpMethod.Put || method == HttpMethod.Patch;

    private static byte[] ReadBody(string body) => RequestBodySource.ReadBytes(body, "--request-body");

    private static void AddHeaders(HttpRequestMessage request, string json)
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

            foreach (JsonProperty header in document.RootElement.EnumerateObject())
            {
                string value = header.Value.ValueKind switch
                {
                    JsonValueKind.String => header.Value.GetString()!,
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => header.Value.GetRawText(),
                    _ => throw new CliUsageException($"--request-headers: the value of '{header.Name}' must be a string or a number."),
                };
                AddHeader(request, header.Name, value);
            }
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
