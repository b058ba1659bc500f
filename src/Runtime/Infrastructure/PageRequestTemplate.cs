using System.Net.Http.Headers;

namespace OciRaw.Infrastructure;

/// <summary>
/// The first page's request of a list call, copied into plain data when the generated method is called. Every page of
/// every enumeration gets a fresh <see cref="HttpRequestMessage"/> from it (a message cannot be sent twice), with the
/// same method, URI, headers and JSON body (a paged POST such as Logging Search SearchLogs sends its body with every
/// page), plus <c>page=&lt;token&gt;</c> after the first page. The token is opaque: escaped whole (<c>+</c>, <c>/</c>,
/// <c>=</c> included), never parsed. Copying at the call, rather than
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
    private readonly bool _isVerbatimAbsolute;
    private readonly byte[]? _body;
    private readonly (string Name, string Value)[] _contentHeaders = [];

    private static readonly UriCreationOptions Verbatim = new() { DangerousDisablePathAndQueryCanonicalization = true };

    public PageRequestTemplate(HttpRequestMessage firstPage)
    {
        if (firstPage.RequestUri is null)
        {
            throw new ArgumentException("A paged request needs a RequestUri.", nameof(firstPage));
        }

        if (firstPage.Content is PooledJsonContent json)
        {
            // The first page's request is disposed when the generated method returns, and its pooled buffer with it.
            _body = json.ToArray();
            _contentHeaders = CopyHeaders(json.Headers);
        }
        else if (firstPage.Content is not null)
        {
            // Only a JSON body written by generated code is known to be the same bytes every time it is sent.
            throw new ArgumentException("A paged request can only carry a JSON body written by generated code.", nameof(firstPage));
        }

        _method = firstPage.Method;
        _uri = firstPage.RequestUri.OriginalString;
        _isVerbatimAbsolute = firstPage.RequestUri.IsAbsoluteUri; // OciRequestUri.ToUri makes absolute URIs only to keep them verbatim
        _pageSeparator = _uri.Contains('?') ? '&' : '?';
        _version = firstPage.Version;
        _versionPolicy = firstPage.VersionPolicy;

        _headers = CopyHeaders(firstPage.Headers);
    }

    /// <summary>The request for one page: <paramref name="page"/> is null for the first page.</summary>
    public HttpRequestMessage Create(string? page)
    {
        string text = page is null ? _uri : string.Concat(_uri, _pageSeparator.ToString(), "page=", Uri.EscapeDataString(page));
        Uri uri = _isVerbatimAbsolute ? new Uri(text, in Verbatim) : new Uri(text, UriKind.Relative);
        var request = new HttpRequestMessage(_method, uri) { Version = _version, VersionPolicy = _versionPolicy };
        foreach ((string name, string value) in _headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (_body is not null)
        {
            var content = new ByteArrayContent(_body);
            foreach ((string name, string value) in _contentHeaders)
            {
                content.Headers.TryAddWithoutValidation(name, value);
            }

            request.Content = content;
        }

        return request;
    }

    /// <summary>Values were checked when they were added (OciClientRuntime.AddHeader), so they are copied as they are.</summary>
    private static (string Name, string Value)[] CopyHeaders(HttpHeaders source)
    {
        var headers = new List<(string, string)>();
        foreach (KeyValuePair<string, HeaderStringValues> header in source.NonValidated)
        {
            foreach (string value in header.Value)
            {
                headers.Add((header.Key, value));
            }
        }

        return [.. headers];
    }
}
