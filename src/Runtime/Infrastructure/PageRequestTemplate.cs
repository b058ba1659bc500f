using System.Net.Http.Headers;

namespace OciRaw.Infrastructure;

/// <summary>
/// The first page's request of a list call, copied into plain data when the generated method is called. Every page of
/// every enumeration gets a fresh <see cref="HttpRequestMessage"/> from it (a message cannot be sent twice), with the
/// same method, URI and headers, plus <c>page=&lt;token&gt;</c> after the first page. Copying at the call, rather than
/// rebuilding from the arguments on each page, is what lets the generated method check its arguments before it returns.
/// </summary>
internal sealed class PageRequestTemplate
{
    private readonly HttpMethod _method;
    private readonly string _uri;
    private readonly char _pageSeparator;
    private readonly Version _version;
    private readonly HttpVersionPolicy _versionPolicy;
    private readonly (string Name, string Value)[] _headers;

    public PageRequestTemplate(HttpRequestMessage firstPage)
    {
        if (firstPage.RequestUri is null)
        {
            throw new ArgumentException("A paged request needs a RequestUri.", nameof(firstPage));
        }

        if (firstPage.Content is not null)
        {
            // Paged calls are GETs; a body would have to be replayed on every page.
            throw new ArgumentException("A paged request cannot carry a body.", nameof(firstPage));
        }

        _method = firstPage.Method;
        _uri = firstPage.RequestUri.OriginalString;
        _pageSeparator = _uri.Contains('?') ? '&' : '?';
        _version = firstPage.Version;
        _versionPolicy = firstPage.VersionPolicy;

        // Values were checked when they were added (OciClientRuntime.AddHeader), so they are copied as they are.
        var headers = new List<(string, string)>();
        foreach (KeyValuePair<string, HeaderStringValues> header in firstPage.Headers.NonValidated)
        {
            foreach (string value in header.Value)
            {
                headers.Add((header.Key, value));
            }
        }

        _headers = [.. headers];
    }

    /// <summary>The request for one page: <paramref name="page"/> is null for the first page.</summary>
    public HttpRequestMessage Create(string? page)
    {
        string uri = page is null ? _uri : string.Concat(_uri, _pageSeparator.ToString(), "page=", Uri.EscapeDataString(page));
        var request = new HttpRequestMessage(_method, uri) { Version = _version, VersionPolicy = _versionPolicy };
        foreach ((string name, string value) in _headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }
}
