using System.ComponentModel;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OciRaw.Infrastructure;

/// <summary>
/// Reads the <c>[OciBody]</c> property of a header-bound result class as bytes or text (the status is checked before).
/// Public only so generated code can call it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class OciResultBody
{
    /// <summary>The body's bytes (empty for no body).</summary>
    public static Task<byte[]> ReadBytesAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    /// <summary>
    /// The body as text, decoded by its charset (UTF-8 by default). A JSON body that is one JSON string gives that
    /// string's value (Object Storage GetNamespace answers <c>"mytenancy"</c>); any other body is returned as sent.
    /// </summary>
    public static async Task<string> ReadTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return IsJson(response.Content.Headers.ContentType) && TryReadJsonString(text, out string? value) ? value : text;
    }

    private static bool IsJson(MediaTypeHeaderValue? type) =>
        type?.MediaType is { } media
        && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static bool TryReadJsonString(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        value = null;
        ReadOnlySpan<char> trimmed = text.AsSpan().Trim();
        if (trimmed.Length < 2 || trimmed[0] != '"')
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text));
            if (!reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                return false;
            }

            string read = reader.GetString()!;
            if (reader.Read())
            {
                return false; // more than one value: not a JSON string document
            }

            value = read;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
