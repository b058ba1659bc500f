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

    private static void WriteHeaders(Utf8JsonWriter writer, HttpHeadersNonValidated headers)
    {
        foreach (KeyValuePair<string, HeaderStringValues> header in headers)
        {
            writer.WriteString(header.Key.ToLowerInvariant(), SecretRedaction.RedactHeaderValue(header.Key, header.Value.ToString()));
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
