namespace OciRaw.Generator.Model;

/// <summary>Where a parameter's value goes.</summary>
internal enum ParameterKind
{
    Path,
    Query,
    Header,
    Body,
    CancellationToken,

    /// <summary><c>[OciHeader("prefix-*")]</c> on a string dictionary: one header per entry.</summary>
    HeaderMap,

    /// <summary>A content header (<c>content-type</c>, <c>content-md5</c>, ...) set on the raw body.</summary>
    ContentHeader,

    /// <summary>A <c>Stream</c>, <c>byte[]</c>, <c>ReadOnlyMemory&lt;byte&gt;</c> or <c>HttpContent</c> body, sent as is.</summary>
    RawBody,
}
