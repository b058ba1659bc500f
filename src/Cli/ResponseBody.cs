using System.Net.Http.Headers;
using System.Text;
using OciRaw.Cli.Json;

namespace OciRaw.Cli;

/// <summary>
/// The <c>data</c> of a response, read as the OCI CLI reads it (raw_request_cli.py: <c>response.json()</c>, else
/// <c>response.text</c>): JSON becomes its value, anything else text decoded with the charset requests would choose
/// (the Content-Type charset; ISO-8859-1 for text/* without one; UTF-8 for application/json), and an empty body
/// <c>""</c>. Where the OCI CLI would mangle the bytes (they are not valid in that charset, or not text at all)
/// ociraw keeps them: <c>data</c> is their base64 and <c>data-encoding</c> says so.
/// </summary>
internal sealed record ResponseBody(JsonItem Data, bool IsJson, bool IsBase64)
{
    public const string Base64Encoding = "base64";

    public static ResponseBody Read(byte[] body, MediaTypeHeaderValue? contentType)
    {
        if (body.Length == 0)
        {
            return new(JsonItem.FromString(string.Empty), false, false);
        }

        Encoding? encoding = ChooseEncoding(contentType);
        if (encoding is null)
        {
            // requests guesses the encoding of JSON from its bytes; UTF-8 is what OCI serves.
            if (JsonItemReader.TryParse(body) is { } json)
            {
                return new(json, true, false);
            }

            encoding = Encoding.UTF8;
        }

        if (!TryDecode(body, encoding, out string? text))
        {
            return new(JsonItem.FromString(Convert.ToBase64String(body)), false, true);
        }

        return JsonItemReader.TryParse(text) is { } parsed ? new(parsed, true, false) : new(JsonItem.FromString(text), false, false);
    }

    /// <summary>requests' get_encoding_from_headers: the charset, else ISO-8859-1 for text/*, UTF-8 for JSON.</summary>
    private static Encoding? ChooseEncoding(MediaTypeHeaderValue? contentType)
    {
        if (contentType?.CharSet is { Length: > 0 } charset)
        {
            try
            {
                return Encoding.GetEncoding(charset.Trim('"', '\'', ' '), EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            }
            catch (ArgumentException)
            {
                // An unknown charset: requests then decodes as UTF-8 too.
                return null;
            }
        }

        string mediaType = contentType?.MediaType ?? string.Empty;
        if (mediaType.Contains("text", StringComparison.OrdinalIgnoreCase))
        {
            return Encoding.Latin1;
        }

        return mediaType.Contains("application/json", StringComparison.OrdinalIgnoreCase) ? Encoding.UTF8 : null;
    }

    private static bool TryDecode(byte[] body, Encoding encoding, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? text)
    {
        Encoding strict = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        try
        {
            text = strict.GetString(body);
            if (text.Length > 0 && text[0] == '\uFEFF' && encoding.CodePage == Encoding.UTF8.CodePage)
            {
                text = text[1..];
            }

            // NUL is no character of a text response; a body that holds one is binary whatever its label says.
            return !text.Contains('\0', StringComparison.Ordinal);
        }
        catch (DecoderFallbackException)
        {
            text = null;
            return false;
        }
    }
}
