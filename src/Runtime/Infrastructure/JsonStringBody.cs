using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OciRaw.Infrastructure;

/// <summary>
/// Recognizes a response body that is a single JSON string, for <c>Task&lt;string&gt;</c>: OCI sends some scalar
/// results that way (Object Storage GetNamespace), and the caller wants the value, not the JSON text. Any other body,
/// or a body that is not declared JSON, stays raw text.
/// </summary>
internal static class JsonStringBody
{
    public static bool TryRead(MediaTypeHeaderValue? contentType, string text, [NotNullWhen(true)] out string? value)
    {
        value = null;
        if (!IsJson(contentType?.MediaType) || text.AsSpan().TrimStart().IsEmpty || text.AsSpan().TrimStart()[0] != '"')
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
            if (!reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                return false;
            }

            string result = reader.GetString()!;
            if (reader.Read())
            {
                return false; // more than one value: not a JSON string body
            }

            value = result;
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false; // not well-formed JSON: the caller gets the text as it came
        }
    }

    private static bool IsJson(string? mediaType) =>
        mediaType is not null
        && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
