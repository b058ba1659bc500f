using System.ComponentModel;
using System.Globalization;

namespace OciRaw.Infrastructure;

/// <summary>
/// Request-side steps for raw bodies and header collections: a <c>Stream</c>, <c>byte[]</c>,
/// <c>ReadOnlyMemory&lt;byte&gt;</c> or <c>HttpContent</c> body sent as is, content headers set on it, header maps
/// (<c>opc-meta-*</c>) and comma-joined header lists. Public only so generated code can call it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class OciRawContent
{
    private const string OctetStream = "application/octet-stream";

    /// <summary>A stream body, read as it is sent and left open (the caller owns it).</summary>
    public static HttpContent Create(Stream body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!body.CanRead)
        {
            throw new ArgumentException("The body stream cannot be read.", nameof(body));
        }

        return new CallerStreamContent(body);
    }

    /// <summary>A byte-array body: the bytes themselves, not a base64 JSON string.</summary>
    public static HttpContent Create(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new ByteArrayContent(body);
    }

    /// <summary>A memory body, sent without a copy.</summary>
    public static HttpContent Create(ReadOnlyMemory<byte> body) => new ReadOnlyMemoryContent(body);

    /// <summary>A caller-built content, sent as is (and disposed with the request, as <see cref="HttpRequestMessage"/> does).</summary>
    public static HttpContent Create(HttpContent body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body;
    }

    /// <summary>
    /// Sets a content header parameter (<c>content-type</c>, <c>content-md5</c>, <c>content-length</c>,
    /// <c>content-language</c>, <c>content-encoding</c>, <c>content-disposition</c>) on the body; null and empty values
    /// are left out, as for every header parameter.
    /// </summary>
    /// <exception cref="ArgumentException">The value contains CR, LF or NUL, or a content-length is not a non-negative integer.</exception>
    public static void SetContentHeader(HttpRequestMessage request, string name, string? value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        HttpContent content = request.Content
            ?? throw new ArgumentException($"A value for the content header '{name}' was given, but the body is null, so there is no content to set it on.", parameterName);

        if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            throw new ArgumentException(
                $"The value for header '{name}' contains a line break or NUL character, which cannot be sent in an HTTP header.", parameterName);
        }

        if (string.Equals(name, "content-length", StringComparison.OrdinalIgnoreCase))
        {
            // HttpClient sends exactly this many bytes and fails the request if the body has more or fewer.
            content.Headers.ContentLength = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long length)
                ? length
                : throw new ArgumentException($"The content-length '{value}' is not a non-negative integer.", parameterName);
            return;
        }

        content.Headers.Remove(name);
        if (!content.Headers.TryAddWithoutValidation(name, value))
        {
            throw new ArgumentException($"'{name}' cannot be sent as a content header.", parameterName);
        }
    }

    /// <summary>Gives a raw body <c>application/octet-stream</c> unless it has a content type already.</summary>
    public static void DefaultContentType(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Content is { } content && !content.Headers.NonValidated.Contains("Content-Type"))
        {
            content.Headers.TryAddWithoutValidation("Content-Type", OctetStream);
        }
    }

    /// <summary>
    /// Sends one header per entry, named <paramref name="prefix"/> + key (Object Storage's <c>opc-meta-*</c>); a null
    /// map sends nothing, and an entry with a null value is left out.
    /// </summary>
    /// <exception cref="ArgumentException">A key is not a header-name token, or a value holds CR, LF or NUL.</exception>
    public static void AddPrefixedHeaders(HttpRequestMessage request, string prefix, IEnumerable<KeyValuePair<string, string>>? entries, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (entries is null)
        {
            return;
        }

        foreach (KeyValuePair<string, string> entry in entries)
        {
            if (string.IsNullOrEmpty(entry.Key) || !IsToken(entry.Key))
            {
                throw new ArgumentException($"The key '{entry.Key}' cannot be sent as part of a '{prefix}*' header name: use letters, digits and !#$%&'*+-.^_`|~.", parameterName);
            }

            string? value = entry.Value;
            if (value is null)
            {
                continue;
            }

            string name = prefix + entry.Key;
            if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
            {
                throw new ArgumentException(
                    $"The value for header '{name}' contains a line break or NUL character, which cannot be sent in an HTTP header.", parameterName);
            }

            request.Headers.TryAddWithoutValidation(name, value);
        }
    }

    /// <summary>A header list joined with commas (null items left out); null when there is nothing to send.</summary>
    public static string? Join(IEnumerable<string?>? values)
    {
        if (values is null)
        {
            return null;
        }

        string joined = string.Join(",", values.Where(v => v is not null));
        return joined.Length == 0 ? null : joined;
    }

    private static bool IsToken(string name)
    {
        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c)))
            {
                return false;
            }
        }

        return true;
    }
}
