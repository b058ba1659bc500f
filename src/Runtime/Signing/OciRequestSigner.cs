using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace OciRaw;

/// <summary>
/// The one signing step: (request, credentials, now) -> signed headers and Authorization, per the OCI HTTP Signature
/// rules. It knows nothing about where credentials come from. The host and request target it signs are exactly what
/// <see cref="HttpClient"/> writes on the wire for this request.
/// </summary>
internal static class OciRequestSigner
{
    private const string AuthorizationHeader = "Authorization";

    // Marks a date header this library stamped, so a retry of the same message is re-signed with a fresh date while a
    // date the caller chose is kept.
    private static readonly HttpRequestOptionsKey<bool> DateStampedByUs = new("OciRaw.DateStamped");

    public static async ValueTask<OciSignature> SignAsync(
        HttpRequestMessage request, OciCredentials credentials, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        Uri uri = request.RequestUri is { IsAbsoluteUri: true } absolute
            ? absolute
            : throw new ArgumentException(
                $"The request URI must be absolute to be signed (it is '{request.RequestUri}'). Give HttpClient a BaseAddress or use an absolute URI.",
                nameof(request));
        string method = SignableMethod(request.Method);

        string dateHeader = EnsureDate(request, now);
        request.Headers.Remove(AuthorizationHeader);
        OciSigningStrategy strategy = request.GetOciSigningStrategy();
        IReadOnlyList<string> names = strategy.HeadersFor(method, dateHeader, name => HasHeader(request, name));
        if (names.Any(OciSigningStrategy.IsBodyHeader))
        {
            await RequestBodyDigest.EnsureAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var signedHeaders = new KeyValuePair<string, string>[names.Count];
        for (int i = 0; i < names.Count; i++)
        {
            signedHeaders[i] = new(names[i], ValueOf(names[i], request, uri, method));
        }

        string signingString = BuildSigningString(signedHeaders);
        string signature = Sign(credentials.Key, signingString);
        string authorization = string.Concat(
            "Signature version=\"1\",headers=\"", string.Join(' ', names),
            "\",keyId=\"", credentials.KeyId,
            "\",algorithm=\"rsa-sha256\",signature=\"", signature, "\"");
        request.Headers.TryAddWithoutValidation(AuthorizationHeader, authorization);
        return new OciSignature(signingString, signature, authorization, signedHeaders);
    }

    /// <summary>The lowercase method, or a clear error for methods OCI does not sign.</summary>
    private static string SignableMethod(HttpMethod method) => method.Method.ToUpperInvariant() switch
    {
        "GET" => "get",
        "HEAD" => "head",
        "DELETE" => "delete",
        "POST" => "post",
        "PUT" => "put",
        "PATCH" => "patch",
        _ => throw new NotSupportedException(
            $"OCI request signing covers GET, HEAD, DELETE, POST, PUT and PATCH; a {method.Method} request cannot be signed."),
    };

    /// <summary>Keeps a caller's <c>x-date</c> or <c>date</c>; otherwise stamps <c>date</c> with <paramref name="now"/>.</summary>
    private static string EnsureDate(HttpRequestMessage request, DateTimeOffset now)
    {
        if (request.Options.TryGetValue(DateStampedByUs, out bool stamped) && stamped)
        {
            request.Headers.Remove(OciSigningStrategy.Date);
        }

        if (request.Headers.NonValidated.Contains(OciSigningStrategy.XDate))
        {
            return OciSigningStrategy.XDate;
        }

        if (!request.Headers.NonValidated.Contains(OciSigningStrategy.Date))
        {
            // RFC 1123 ("r"): "Tue, 04 Mar 2025 10:15:30 GMT", always invariant and in UTC.
            request.Headers.TryAddWithoutValidation(OciSigningStrategy.Date, now.UtcDateTime.ToString("r", CultureInfo.InvariantCulture));
            request.Options.Set(DateStampedByUs, true);
        }

        return OciSigningStrategy.Date;
    }

    private static string ValueOf(string name, HttpRequestMessage request, Uri uri, string method) => name switch
    {
        OciSigningStrategy.RequestTarget => method + " " + uri.PathAndQuery,
        OciSigningStrategy.Host => WireHost(request, uri),
        _ => TryGetHeader(request, name, out string? value)
            ? value
            : throw new InvalidOperationException(
                $"The signing strategy '{request.GetOciSigningStrategy()}' signs the header '{name}', but the request has no such header."),
    };

    /// <summary>
    /// The Host header HttpClient sends: the caller's Host header if set, else the URI's IDN host (IPv6 in brackets)
    /// followed by <c>:port</c> only when the port is not the scheme's default.
    /// </summary>
    internal static string WireHost(HttpRequestMessage request, Uri uri)
    {
        if (request.Headers.NonValidated.TryGetValues("Host", out HeaderStringValues explicitHost))
        {
            return explicitHost.ToString();
        }

        string host = uri.HostNameType == UriHostNameType.IPv6 ? "[" + uri.IdnHost.Trim('[', ']') + "]" : uri.IdnHost;
        return uri.IsDefaultPort ? host : host + ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
    }

    private static bool HasHeader(HttpRequestMessage request, string name) =>
        request.Headers.NonValidated.Contains(name) || (request.Content?.Headers.NonValidated.Contains(name) ?? false);

    /// <summary>A header's value as it will be written: several values joined by ", " on one line.</summary>
    private static bool TryGetHeader(HttpRequestMessage request, string name, out string value)
    {
        if (request.Headers.NonValidated.TryGetValues(name, out HeaderStringValues values)
            || (request.Content is { } content && content.Headers.NonValidated.TryGetValues(name, out values)))
        {
            value = values.ToString().Trim();
            return true;
        }

        value = string.Empty;
        return false;
    }

    private static string BuildSigningString(KeyValuePair<string, string>[] headers)
    {
        var builder = new StringBuilder(256);
        foreach (KeyValuePair<string, string> header in headers)
        {
            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            builder.Append(header.Key).Append(": ").Append(header.Value);
        }

        return builder.ToString();
    }

    private static string Sign(RsaKeyPool key, string signingString)
    {
        int byteCount = Encoding.UTF8.GetByteCount(signingString);
        byte[] rented = ArrayPool<byte>.Shared.Rent(byteCount + key.SignatureLength);
        try
        {
            Span<byte> data = rented.AsSpan(0, Encoding.UTF8.GetBytes(signingString, rented));
            Span<byte> signature = rented.AsSpan(byteCount, key.SignatureLength);
            key.Sign(data, signature);
            return Convert.ToBase64String(signature);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented, clearArray: true);
        }
    }
}
