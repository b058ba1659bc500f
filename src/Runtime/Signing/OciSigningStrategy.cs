namespace OciRaw;

/// <summary>
/// Which headers a request's signature covers. Attach one to a request with
/// <see cref="OciHttpRequestMessageExtensions.SetOciSigningStrategy"/>; requests without one use <see cref="Standard"/>.
/// </summary>
public sealed class OciSigningStrategy
{
    internal const string RequestTarget = "(request-target)";
    internal const string Host = "host";
    internal const string Date = "date";
    internal const string XDate = "x-date";
    internal const string ContentLength = "content-length";
    internal const string ContentType = "content-type";
    internal const string ContentSha256 = "x-content-sha256";

    /// <summary>Headers that are signed, after the required ones, whenever the request carries them (as the OCI SDKs do).</summary>
    internal static readonly string[] OptionalHeaders = ["opc-obo-token", "x-cross-tenancy-request", "x-subscription"];

    private static readonly string[] BodyHeaders = [ContentLength, ContentType, ContentSha256];

    private OciSigningStrategy(string name, bool signsBody, IReadOnlyList<string>? explicitHeaders)
    {
        Name = name;
        SignsBody = signsBody;
        ExplicitHeaders = explicitHeaders;
    }

    /// <summary>
    /// <c>date (request-target) host</c> for GET, HEAD and DELETE; plus <c>content-length content-type x-content-sha256</c>
    /// for POST, PUT and PATCH. <c>x-date</c> replaces <c>date</c> when the request has it.
    /// </summary>
    public static OciSigningStrategy Standard { get; } = new("standard", signsBody: true, explicitHeaders: null);

    /// <summary>
    /// Only <c>date (request-target) host</c>, even when there is a body: what Object Storage PutObject and UploadPart
    /// require. The body is sent as is and not read by the signer.
    /// </summary>
    public static OciSigningStrategy ExcludeBody { get; } = new("exclude-body", signsBody: false, explicitHeaders: null);

    /// <summary>The name of the strategy, for messages and logs.</summary>
    public string Name { get; }

    internal bool SignsBody { get; }

    internal IReadOnlyList<string>? ExplicitHeaders { get; }

    /// <summary>
    /// Signs exactly these headers, in this order. Names are case-insensitive; <c>(request-target)</c> and <c>host</c>
    /// are computed from the request, the body headers are computed when listed, and <c>date</c> is added when absent.
    /// </summary>
    public static OciSigningStrategy WithHeaders(params string[] headerNames)
    {
        ArgumentNullException.ThrowIfNull(headerNames);
        if (headerNames.Length == 0)
        {
            throw new ArgumentException("At least one header name is needed.", nameof(headerNames));
        }

        var names = new List<string>(headerNames.Length);
        foreach (string headerName in headerNames)
        {
            string name = headerName?.Trim().ToLowerInvariant() ?? string.Empty;
            if (name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || c == ':' || c == '"' || char.IsControl(c)))
            {
                throw new ArgumentException($"'{headerName}' is not a header name that can be signed.", nameof(headerNames));
            }

            if (names.Contains(name))
            {
                throw new ArgumentException($"The header '{name}' is listed twice.", nameof(headerNames));
            }

            names.Add(name);
        }

        return new OciSigningStrategy("headers(" + string.Join(' ', names) + ")", names.Any(BodyHeaders.Contains), names);
    }

    /// <summary>The header names to sign for <paramref name="method"/> (lowercase), in signing-string order.</summary>
    internal IReadOnlyList<string> HeadersFor(string method, string dateHeader, Func<string, bool> requestHasHeader)
    {
        if (ExplicitHeaders is not null)
        {
            return ExplicitHeaders;
        }

        var names = new List<string>(9) { dateHeader, RequestTarget, Host };
        if (SignsBody && HasBody(method))
        {
            names.AddRange(BodyHeaders);
        }

        foreach (string optional in OptionalHeaders)
        {
            if (requestHasHeader(optional))
            {
                names.Add(optional);
            }
        }

        return names;
    }

    internal static bool HasBody(string method) => method is "post" or "put" or "patch";

    internal static bool IsBodyHeader(string name) => BodyHeaders.Contains(name);

    /// <inheritdoc />
    public override string ToString() => Name;
}
