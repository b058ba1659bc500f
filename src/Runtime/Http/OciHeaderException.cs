namespace OciRaw;

/// <summary>
/// A successful response whose headers do not fit the declared result class: a header bound to a non-nullable
/// property is missing, or its value cannot be read as the property's type (a number, <c>bool</c>, enum or date).
/// The call itself succeeded, so this is not an <see cref="OciServiceException"/>.
/// </summary>
public sealed class OciHeaderException : OciException
{
    private const int QuotedValueLimit = 100;

    /// <summary>Creates the exception.</summary>
    public OciHeaderException(string headerName, string member, string message)
        : base(message)
    {
        HeaderName = headerName;
        Member = member;
    }

    /// <summary>The response header, as the result class names it.</summary>
    public string HeaderName { get; }

    /// <summary>The result property it is bound to: <c>Type.Property</c>.</summary>
    public string Member { get; }

    internal static OciHeaderException Missing(string headerName, string member) =>
        new(headerName, member,
            $"The response has no '{headerName}' header, which {member} requires; declare the property nullable if the service may leave it out.");

    internal static OciHeaderException Invalid(string headerName, string member, string value, string expected, Exception? inner = null)
    {
        string quoted = value.Length > QuotedValueLimit ? value[..QuotedValueLimit] + "..." : value;
        return new(headerName, member, $"The response header '{headerName}' is '{quoted}', which is not {expected} as {member} needs.", inner);
    }

    private OciHeaderException(string headerName, string member, string message, Exception? inner)
        : base(message, inner)
    {
        HeaderName = headerName;
        Member = member;
    }
}
