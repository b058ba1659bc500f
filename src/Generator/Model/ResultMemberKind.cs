namespace OciRaw.Generator.Model;

/// <summary>What a property of a header-bound result class is read from.</summary>
internal enum ResultMemberKind
{
    /// <summary>One header, typed by <see cref="ResultMember.Shape"/>.</summary>
    Header,

    /// <summary>Every header with the prefix <see cref="ResultMember.HeaderName"/>, prefix removed.</summary>
    HeaderMap,

    /// <summary>The body read as JSON with a generated reader.</summary>
    JsonBody,

    /// <summary>The body as a stream that keeps the response alive until disposed.</summary>
    StreamBody,

    /// <summary>The body's bytes.</summary>
    BytesBody,

    /// <summary>The body's text (a JSON string body gives its value).</summary>
    TextBody,
}
