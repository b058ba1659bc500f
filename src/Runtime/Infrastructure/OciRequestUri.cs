using System.ComponentModel;
using System.Text;

namespace OciRaw.Infrastructure;

/// <summary>
/// Builds the relative URI of a generated call: literal path parts, path values escaped as one RFC 3986 segment
/// (<c>/</c> becomes <c>%2F</c>), and query parameters in the order they are added.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class OciRequestUri
{
    private readonly StringBuilder _builder = new(128);
    private bool _hasQuery;

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
            // Escaping leaves dots alone, and System.Uri removes dot segments: "/users/.." would become "/".
            throw new ArgumentException($"A path parameter cannot be '{value}': the request would go to a different resource.", nameof(value));
        }

        _builder.Append(Uri.EscapeDataString(value));
        return this;
    }

    /// <summary>Adds <c>name=value</c> to the query, both escaped.</summary>
    public OciRequestUri AddQuery(string name, string value)
    {
        _builder.Append(_hasQuery ? '&' : '?').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        _hasQuery = true;
        return this;
    }

    /// <summary>The relative URI text.</summary>
    public override string ToString() => _builder.ToString();
}
