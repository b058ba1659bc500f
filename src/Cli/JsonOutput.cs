using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OciRaw.Cli;

/// <summary>Writes the CLI's JSON documents with <see cref="Utf8JsonWriter"/> (no reflection, NativeAOT-safe).</summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>{"method", "uri", "headers", "signingString"}</c> of a signed request that was not sent.</summary>
    public static string DryRun(HttpRequestMessage request, OciSignature signature)
    {
        return Write(writer =>
        {
            writer.WriteString("method", request.Method.Method);
            writer.WriteString("uri", request.RequestUri!.OriginalString);
            writer.WriteStartObject("headers");
            foreach (KeyValuePair<string, string> signed in signature.SignedHeaders)
            {
                if (signed.Key == "host")
                {
                    writer.WriteString("host", signed.Value);
                }
            }

            WriteHeaders(writer, request.Headers.NonValidated);
            if (request.Content is not null)
            {
                WriteHeaders(writer, request.Content.Headers.NonValidated);
            }

            writer.WriteEndObject();
            writer.WriteString("signingString", SecretRedaction.RedactSigningString(signature.SigningString));
        });
    }

    /// <summary><c>{"data", "headers", "status"}</c>, shaped like the OCI CLI's raw-request output.</summary>
    public static string Response(HttpResponseMessage response, byte[] body)
    {
        return Write(writer =>
        {
            writer.WritePropertyName("data");
            WriteBody(writer, body);
            writer.WriteStartObject("headers");
            WriteHeaders(writer, response.Headers.NonValidated);
            WriteHeaders(writer, response.Content.Headers.NonValidated);
            writer.WriteEndObject();
            writer.WriteString("status", Status(response));
        });
    }

    /// <summary>The service's error, as the OCI CLI prints a ServiceError (read the way generated clients read it).</summary>
    public static string ServiceError(OciServiceException error)
    {
        return Write(writer =>
        {
            writer.WriteNumber("status", (int)error.StatusCode);
            writer.WriteString("code", error.ServiceCode);
            writer.WriteString("message", error.ServiceMessage);
            writer.WriteString("opc-request-id", error.OpcRequestId);
            writer.WriteString("operation", error.Operation);
        });
    }

    private static string Status(HttpResponseMessage response) =>
        $"{(int)response.StatusCode} {response.ReasonPhrase ?? ((HttpStatusCode)(int)response.StatusCode).ToString()}";

    private static void WriteBody(Utf8JsonWriter writer, byte[] body)
    {
        if (body.Length == 0)
        {
            writer.WriteNullValue();
        }
        else if (TryParse(body, out JsonDocument? document))
        {
            using (document)
            {
                document.WriteTo(writer);
            }
        }
        else
        {
            writer.WriteStringValue(Encoding.UTF8.GetString(body));
        }
    }

    private static void WriteHeaders(Utf8JsonWriter writer, HttpHeadersNonValidated headers)
    {
        foreach (KeyValuePair<string, HeaderStringValues> header in headers)
        {
            writer.WriteString(header.Key.ToLowerInvariant(), SecretRedaction.RedactHeaderValue(header.Key, header.Value.ToString()));
        }
    }

    private static bool TryParse(byte[] body, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out JsonDocument? document)
    {
        try
        {
            document = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            document = null;
            return false;
        }
    }

    private static string Write(Action<Utf8JsonWriter> writeProperties)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
