using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OciRaw.TestSupport;

/// <summary>
/// Checks an arrived request the way the OCI service does, from the wire alone: it rebuilds the signing string from
/// the request line and header lines that arrived, checks the body headers against the body bytes, and verifies the
/// RSA signature with BouncyCastle. Written apart from the library's signer, so a bug in one cannot hide in the other.
/// </summary>
public sealed class WireSignatureVerifier(byte[] subjectPublicKeyInfo, string expectedKeyId)
{
    private static readonly string[] AlwaysRequired = ["(request-target)", "host"];
    private static readonly string[] BodyRequired = ["content-length", "content-type", "x-content-sha256"];

    /// <summary>Returns null when the request is authentic, or why it is not.</summary>
    public string? Check(ArrivedRequest request, bool bodyExcluded = false)
    {
        if (request.Header("authorization") is not { } authorization)
        {
            return "no Authorization header";
        }

        Dictionary<string, string> parameters = IndependentVerifier.ParseAuthorization(authorization);
        if (parameters.GetValueOrDefault("version") != "1" || parameters.GetValueOrDefault("algorithm") != "rsa-sha256")
        {
            return "wrong version or algorithm";
        }

        if (parameters.GetValueOrDefault("keyId") != expectedKeyId)
        {
            return $"unknown keyId {parameters.GetValueOrDefault("keyId")}";
        }

        string[] names = parameters["headers"].Split(' ');
        List<string> required = [.. AlwaysRequired, names.Contains("x-date") ? "x-date" : "date"];
        if (!bodyExcluded && request.Method is "POST" or "PUT" or "PATCH")
        {
            required.AddRange(BodyRequired);
        }

        if (required.FirstOrDefault(r => !names.Contains(r)) is { } missing)
        {
            return $"required header '{missing}' is not signed";
        }

        var lines = new List<string>();
        foreach (string name in names)
        {
            string? value = name == "(request-target)" ? request.Method.ToLowerInvariant() + " " + request.Target : request.Header(name);
            if (value is null)
            {
                return $"signed header '{name}' did not arrive";
            }

            lines.Add(name + ": " + value);
        }

        if (names.Contains("x-content-sha256") && request.Header("x-content-sha256") != Convert.ToBase64String(SHA256.HashData(request.Body)))
        {
            return "x-content-sha256 does not match the body that arrived";
        }

        if (names.Contains("content-length") && request.Header("content-length") != request.Body.Length.ToString(CultureInfo.InvariantCulture))
        {
            return "content-length does not match the body that arrived";
        }

        return IndependentVerifier.Verify(subjectPublicKeyInfo, string.Join('\n', lines), parameters["signature"])
            ? null
            : "the RSA signature does not verify over the rebuilt signing string";
    }

}
