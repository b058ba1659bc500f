using System.ComponentModel;
using System.Text;

namespace OciRaw.Infrastructure;

/// <summary>
/// Builds the relative URI of a generated call: literal path parts, path values escaped as one RFC 3986 segment
/// (<c>/</c> becomes <c>%2F</c>, a whole value <c>.</c> or <c>..</c> becomes <c>%2E</c> or <c>%2E%2E</c>), and query
/// parameters in the order they are added.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class OciRequestUri
{
    private static readonly UriCreationOptions Verbatim = new() { DangerousDisablePathAndQueryCanonicalization = true };

    private readonly StringBuilder _builder = new(128);
    private bool _hasQuery;
    private bool _hasDotSegment;
    private string? _openCsvName;

    /// <summary>Appends route text as it is (the generator checked it).</summary>
    public OciRequestUri AppendLiteral(string text)
    {
        _builder.Append(text);
        return this;
    }

    /// <summary>Appends a path parameter value, escaped so it stays one segment.</summary>
    public OciRequestUri AppendPathValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            throw new ArgumentException("A path parameter cannot be empty: the request would go to a different resource.", nameof(value));
        }

        if (value is "." or "..")
        {
            // An object may be named "." or "..". Escaping leaves dots alone, so they are escaped here, as Python's
            // strict encoding does; System.Uri would still remove "%2E%2E" as a dot segment, so ToUri keeps it verbatim.
            _builder.Append(value.Length == 1 ? "%2E" : "%2E%2E");
            _hasDotSegment = true;
            return this;
        }

        _builder.Append(Uri.EscapeDataString(value));
        return this;
    }

    /// <summary>Adds <c>name=value</c> to the query, both escaped.</summary>
    public OciRequestUri AddQuery(string name, string value)
    {
        _builder.Append(_hasQuery ? '&' : '?').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        _hasQuery = true;
        _openCsvName = null;
        return this;
    }

    /// <summary>
    /// Adds one item of a comma-separated query parameter (<see cref="OciCollectionFormat.Csv"/>): the first item since
    /// <see cref="EndCsvQuery"/> adds <c>name=item</c>, each further one <c>,item</c>. Items are escaped one by one, so
    /// a comma inside an item is sent as <c>%2C</c>. A collection without items adds nothing.
    /// </summary>
    public OciRequestUri AddCsvQueryItem(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_openCsvName == name)
        {
            _builder.Append(',').Append(Uri.EscapeDataString(value));
            return this;
        }

        AddQuery(name, value);
        _openCsvName = name;
        return this;
    }

    /// <summary>Ends a comma-separated parameter, so a later one of the same name starts anew.</summary>
    public OciRequestUri EndCsvQuery()
    {
        _openCsvName = null;
        return this;
    }

    /// <summary>
    /// The URI to send. Normally relative (HttpClient puts it under its <c>BaseAddress</c>); when a path value was a
    /// dot segment, absolute under <paramref name="httpClient"/>'s <c>BaseAddress</c> and created without System.Uri's
    /// canonicalization, which would otherwise remove <c>%2E%2E</c> together with the segment before it. The signer
    /// signs <c>PathAndQuery</c> of this very instance, which is what goes on the request line.
    /// </summary>
    public Uri ToUri(HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        string relative = _builder.ToString();
        if (!_hasDotSegment)
        {
            return new Uri(relative, UriKind.Relative);
        }

        Uri baseAddress = httpClient.BaseAddress
            ?? throw new InvalidOperationException("The HttpClient has no BaseAddress: a generated client needs the service endpoint as its BaseAddress.");
        return new Uri(baseAddress.GetLeftPart(UriPartial.Authority) + relative, in Verbatim);
    }

    /// <summary>The relative URI text.</summary>
    public override string ToString() => _builder.ToString();
}
