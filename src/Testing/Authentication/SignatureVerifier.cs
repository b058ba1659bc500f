using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace OciRaw.Testing;

/// <summary>
/// Checks a request the way OCI does, from what arrived: the Authorization parameters, the headers every method must
/// sign, the keyId, the date (within 5 minutes), the body headers against the body bytes, and RSA-SHA256 over the
/// signing string rebuilt from the request line and headers. Deliberately written apart from OciRaw's signer (it shares
/// no code with it), so that a bug in one cannot hide in the other.
/// </summary>
internal sealed class SignatureVerifier(ApiKeyRegistry keys, TokenRegistry tokens, TimeProvider clock)
{
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The keyId prefix of requests signed with a security token and its session key.</summary>
    public const string TokenKeyIdPrefix = "ST$";

    /// <summary>Finds the public key of <paramref name="keyId"/>: null when found, otherwise why not (never echoing a token).</summary>
    public delegate string? KeyResolver(string keyId, out RSA? publicKey);

    /// <summary>
    /// Null when the request is authentic, otherwise why not (for the emulator's log; never sent to clients). Accepts
    /// API keys (<c>tenancy/user/fingerprint</c>) and security tokens (<c>ST$&lt;token&gt;</c>). When authentic,
    /// <paramref name="keyId"/> is the keyId whose key verified the signature: the caller's identity.
    /// </summary>
    public string? Verify(HttpRequest request, byte[] body, out string? keyId) => Verify(request, body, ResolveCallerKey, requireHost: true, out keyId);

    /// <summary>
    /// Verifies a request whose body is still unread (Object Storage PutObject and UploadPart, which OCI lets clients
    /// sign without the body headers): everything but the body. When the signature does cover <c>content-length</c>
    /// or <c>x-content-sha256</c>, the caller checks them with <see cref="CheckBody"/> once the body has arrived, using
    /// <paramref name="signedHeaders"/>.
    /// </summary>
    public string? VerifyWithoutBody(HttpRequest request, out string? keyId, out IReadOnlyList<string> signedHeaders)
    {
        keyId = null;
        string? failure = VerifyCore(request, body: null, ResolveCallerKey, requireHost: true, out string verifiedKeyId, out string[] signed);
        signedHeaders = signed;
        if (failure is null)
        {
            keyId = verifiedKeyId;
        }

        return failure;
    }

    /// <summary>
    /// Verifies with keys from <paramref name="resolveKey"/>; <paramref name="requireHost"/> false accepts signatures
    /// without <c>host</c> (the instance-principal federation call, which the Python and Go SDKs sign without it).
    /// </summary>
    public string? Verify(HttpRequest request, byte[] body, KeyResolver resolveKey, bool requireHost, out string? keyId)
    {
        keyId = null;
        string? failure = VerifyCore(request, body, resolveKey, requireHost, out string verifiedKeyId, out _);
        if (failure is null)
        {
            keyId = verifiedKeyId;
        }

        return failure;
    }

    /// <summary><paramref name="body"/> null: the body is checked later, and the body headers need not be signed.</summary>
    private string? VerifyCore(HttpRequest request, byte[]? body, KeyResolver resolveKey, bool requireHost, out string keyId, out string[] signed)
    {
        keyId = string.Empty;
        signed = [];
        string? authorization = request.Headers.Authorization;
        if (string.IsNullOrEmpty(authorization))
        {
            return "no Authorization header";
        }

        if (!TryParseSignatureParameters(authorization, out Dictionary<string, string> parameters, out string? parseError))
        {
            return "malformed Authorization header: " + parseError;
        }

        if (parameters.TryGetValue("version", out string? version) && version != "1")
        {
            return $"unsupported signature version '{version}'";
        }

        if (!parameters.TryGetValue("algorithm", out string? algorithm) || algorithm != "rsa-sha256")
        {
            return "algorithm must be rsa-sha256";
        }

        if (!parameters.TryGetValue("keyId", out string? claimedKeyId) || !parameters.TryGetValue("signature", out string? signature)
            || !parameters.TryGetValue("headers", out string? headerList))
        {
            return "the Authorization header lacks keyId, signature or headers";
        }

        keyId = claimedKeyId;

        // Names compare case-insensitively, as in OCI and the reference verifier: the OCI TypeScript SDK lists
        // "Content-Type Content-Length" while signing the lowercase names. The signing string uses lowercase names.
        signed = headerList.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(name => name.ToLowerInvariant()).ToArray();
        if (MissingRequiredHeader(request.Method, signed, requireHost, requireBodyHeaders: body is not null) is { } missing)
        {
            return $"the signature does not cover the required header '{missing}'";
        }

        if (resolveKey(keyId, out RSA? publicKey) is { } keyProblem)
        {
            return keyProblem;
        }

        if (CheckDate(request, signed) is { } dateProblem)
        {
            return dateProblem;
        }

        if (body is not null && CheckBody(request, signed, body.Length, () => SHA256.HashData(body)) is { } bodyProblem)
        {
            return bodyProblem;
        }

        if (!TryBuildSigningString(request, signed, out string signingString, out string? buildError))
        {
            return buildError;
        }

        byte[] signatureBytes;
        try
        {
            signatureBytes = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return "the signature is not base64";
        }

        return publicKey!.VerifyData(Encoding.UTF8.GetBytes(signingString), signatureBytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            ? null
            : "the RSA signature does not match the signing string rebuilt from the request";
    }

    private string? ResolveCallerKey(string keyId, out RSA? publicKey)
    {
        if (keyId.StartsWith(TokenKeyIdPrefix, StringComparison.Ordinal))
        {
            return tokens.Resolve(keyId[TokenKeyIdPrefix.Length..], out publicKey);
        }

        return keys.TryGet(keyId, out publicKey) ? null : $"unknown keyId '{keyId}'";
    }

    private static string? MissingRequiredHeader(string method, string[] signed, bool requireHost, bool requireBodyHeaders)
    {
        if (!signed.Contains("(request-target)"))
        {
            return "(request-target)";
        }

        if (requireHost && !signed.Contains("host"))
        {
            return "host";
        }

        if (!signed.Contains("date") && !signed.Contains("x-date"))
        {
            return "date";
        }

        if (requireBodyHeaders && (HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method)))
        {
            foreach (string bodyHeader in new[] { "content-length", "content-type", "x-content-sha256" })
            {
                if (!signed.Contains(bodyHeader))
                {
                    return bodyHeader;
                }
            }
        }

        return null;
    }

    private string? CheckDate(HttpRequest request, string[] signed)
    {
        // x-date wins over date when both are present, as OCI documents.
        string header = signed.Contains("x-date") ? "x-date" : "date";
        string? value = request.Headers[header];
        if (string.IsNullOrEmpty(value))
        {
            return $"the signed '{header}' header is missing";
        }

        if (!DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date))
        {
            return $"the '{header}' header '{value}' is not an RFC 1123 date";
        }

        TimeSpan skew = (clock.GetUtcNow() - date).Duration();
        return skew > AllowedClockSkew ? $"the '{header}' header is {skew.TotalSeconds:0} s away from the server clock (limit 300 s)" : null;
    }

    /// <summary>Checks the signed body headers against the body that arrived: its length and its SHA-256.</summary>
    public static string? CheckBody(HttpRequest request, IReadOnlyList<string> signed, long length, Func<byte[]> sha256)
    {
        if (signed.Contains("content-length") && request.Headers.ContentLength != length)
        {
            return $"content-length {request.Headers.ContentLength} does not match the {length} body bytes that arrived";
        }

        if (signed.Contains("x-content-sha256") && request.Headers["x-content-sha256"] != Convert.ToBase64String(sha256()))
        {
            return "x-content-sha256 does not match the body that arrived";
        }

        return null;
    }

    private static bool TryBuildSigningString(HttpRequest request, string[] signed, out string signingString, out string? error)
    {
        var lines = new List<string>(signed.Length);
        foreach (string name in signed)
        {
            string? value = name switch
            {
                "(request-target)" => request.Method.ToLowerInvariant() + " " + RawTarget(request),
                "host" => request.Headers.Host,
                _ => request.Headers.TryGetValue(name, out var values) ? string.Join(", ", values.ToArray()) : null,
            };
            if (value is null)
            {
                signingString = string.Empty;
                error = $"the signed header '{name}' is not in the request";
                return false;
            }

            lines.Add(name + ": " + value);
        }

        signingString = string.Join('\n', lines);
        error = null;
        return true;
    }

    /// <summary>The request target exactly as it was on the request line (path and query, still escaped).</summary>
    private static string RawTarget(HttpRequest request) =>
        request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
            ? raw
            : request.Path.ToUriComponent() + request.QueryString.ToUriComponent();

    /// <summary>Parses <c>Signature name="value",name="value"</c>, tolerating any parameter order.</summary>
    private static bool TryParseSignatureParameters(string authorization, out Dictionary<string, string> parameters, out string? error)
    {
        parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        const string Scheme = "Signature ";
        if (!authorization.StartsWith(Scheme, StringComparison.Ordinal))
        {
            error = "the scheme is not 'Signature'";
            return false;
        }

        ReadOnlySpan<char> rest = authorization.AsSpan(Scheme.Length).Trim();
        while (!rest.IsEmpty)
        {
            int equals = rest.IndexOf("=\"", StringComparison.Ordinal);
            if (equals <= 0)
            {
                error = "a parameter is not name=\"value\"";
                return false;
            }

            string name = rest[..equals].Trim().ToString();
            if (!name.All(char.IsAsciiLetter))
            {
                // e.g. keyId=abc,headers="..." : an unquoted value must not be read as part of the next name.
                error = "a parameter is not name=\"value\"";
                return false;
            }

            rest = rest[(equals + 2)..];
            int close = rest.IndexOf('"');
            if (close < 0)
            {
                error = $"the value of '{name}' is not closed";
                return false;
            }

            if (!parameters.TryAdd(name, rest[..close].ToString()))
            {
                error = $"the parameter '{name}' is given twice";
                return false;
            }

            rest = rest[(close + 1)..].TrimStart();
            if (!rest.IsEmpty)
            {
                if (rest[0] != ',')
                {
                    error = "parameters must be separated by commas";
                    return false;
                }

                rest = rest[1..].TrimStart();
            }
        }

        error = null;
        return true;
    }
}
