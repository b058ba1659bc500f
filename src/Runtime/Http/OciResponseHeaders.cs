using System.Collections;
using System.Net.Http.Headers;

namespace OciRaw;

/// <summary>
/// The headers of an OCI response, response and content headers together (<c>opc-request-id</c>, <c>etag</c>,
/// <c>content-length</c>, <c>content-type</c>, <c>content-md5</c>, <c>last-modified</c>, ...), read as sent. Names
/// compare case-insensitively; a header sent several times reads as its values joined with <c>", "</c>.
/// </summary>
/// <example><code>string? length = response.Headers["content-length"];</code></example>
public sealed class OciResponseHeaders : IEnumerable<KeyValuePair<string, string>>
{
    private readonly HttpResponseHeaders _headers;
    private readonly HttpContentHeaders? _contentHeaders;

    /// <summary>A view of <paramref name="response"/>'s headers and its content's headers (not a copy).</summary>
    public OciResponseHeaders(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        _headers = response.Headers;
        _contentHeaders = response.Content?.Headers;

        // An in-memory content (a handler's answer, a test double) has a length that is computed rather than sent: the
        // getter computes it and stores it as a header, which must happen now, while the content is not yet disposed.
        // A network response carries the length as sent, or none (chunked), and the getter then changes nothing.
        _ = _contentHeaders?.ContentLength;
    }

    /// <summary>The value of <paramref name="name"/> (several values joined with <c>", "</c>), or null when it was not sent.</summary>
    public string? this[string name] => TryGetValue(name, out string? value) ? value : null;

    /// <summary>Whether the response carries <paramref name="name"/>.</summary>
    public bool Contains(string name) => TryGetValue(name, out _);

    /// <summary>Gets the value of <paramref name="name"/>, several values joined with <c>", "</c>.</summary>
    public bool TryGetValue(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        // Neither collection throws for a name of the other kind when read through NonValidated.
        if (_headers.NonValidated.TryGetValues(name, out HeaderStringValues values)
            || (_contentHeaders is not null && _contentHeaders.NonValidated.TryGetValues(name, out values)))
        {
            value = Join(values);
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Every header as name and value, response headers first, then content headers.</summary>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        foreach (KeyValuePair<string, HeaderStringValues> header in _headers.NonValidated)
        {
            yield return new(header.Key, Join(header.Value));
        }

        if (_contentHeaders is null)
        {
            yield break;
        }

        foreach (KeyValuePair<string, HeaderStringValues> header in _contentHeaders.NonValidated)
        {
            yield return new(header.Key, Join(header.Value));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Joins with <c>", "</c> whatever the header: <see cref="HeaderStringValues.ToString"/> would join <c>Server</c> and
    /// <c>User-Agent</c> with a space.
    /// </summary>
    private static string Join(HeaderStringValues values)
    {
        if (values.Count == 1)
        {
            foreach (string only in values)
            {
                return only;
            }
        }

        return string.Join(", ", values);
    }
}
