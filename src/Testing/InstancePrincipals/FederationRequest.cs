using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace OciRaw.Testing;

/// <summary>
/// The body of <c>POST /v1/x509</c>: <c>certificate</c> (base64 DER leaf), <c>publicKey</c> (base64 DER
/// SubjectPublicKeyInfo of the session key), <c>intermediateCertificates</c> (base64 DER array), and the optional
/// <c>purpose</c> and <c>fingerprintAlgorithm</c>.
/// </summary>
internal sealed class FederationRequest : IDisposable
{
    private FederationRequest(X509Certificate2 leaf, byte[] sessionKey, List<X509Certificate2> intermediates)
    {
        Leaf = leaf;
        SessionKeyInfo = sessionKey;
        Intermediates = intermediates;
    }

    public X509Certificate2 Leaf { get; }

    /// <summary>The session public key as SubjectPublicKeyInfo DER (an RSA key of at least 2048 bits).</summary>
    public byte[] SessionKeyInfo { get; }

    public IReadOnlyList<X509Certificate2> Intermediates { get; }

    /// <summary>The parsed request, or null with <paramref name="problem"/> saying what is malformed (for a 400).</summary>
    public static FederationRequest? TryParse(byte[] body, out string? problem)
    {
        JsonElement root;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            problem = "The request body is not JSON.";
            return null;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = "The request body is not a JSON object.";
            return null;
        }

        if (OptionalString(root, "purpose", out problem) is { Length: 0 })
        {
            problem = "purpose must not be empty.";
        }

        if (problem is null && OptionalString(root, "fingerprintAlgorithm", out problem) is { } algorithm
            && !algorithm.Equals("SHA256", StringComparison.OrdinalIgnoreCase) && !algorithm.Equals("SHA1", StringComparison.OrdinalIgnoreCase))
        {
            problem = $"fingerprintAlgorithm '{algorithm}' is not SHA256 or SHA1.";
        }

        if (problem is not null)
        {
            return null;
        }

        byte[]? sessionKey = SessionKey(root, out problem);
        if (sessionKey is null)
        {
            return null;
        }

        X509Certificate2? leaf = Certificate(root, "certificate", out problem);
        if (leaf is null)
        {
            return null;
        }

        var intermediates = new List<X509Certificate2>();
        if (!root.TryGetProperty("intermediateCertificates", out JsonElement array) || array.ValueKind != JsonValueKind.Array)
        {
            problem = "intermediateCertificates is required: an array of base64 DER certificates.";
        }
        else
        {
            foreach (JsonElement item in array.EnumerateArray())
            {
                if (CertificateFrom(item) is { } intermediate)
                {
                    intermediates.Add(intermediate);
                }
                else
                {
                    problem = "each of intermediateCertificates must be a base64 DER X.509 certificate.";
                    break;
                }
            }
        }

        if (problem is not null)
        {
            leaf.Dispose();
            intermediates.ForEach(c => c.Dispose());
            return null;
        }

        return new FederationRequest(leaf, sessionKey, intermediates);
    }

    public void Dispose()
    {
        Leaf.Dispose();
        foreach (X509Certificate2 intermediate in Intermediates)
        {
            intermediate.Dispose();
        }
    }

    private static string? OptionalString(JsonElement root, string name, out string? problem)
    {
        problem = null;
        if (!root.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problem = $"{name} must be a string.";
            return null;
        }

        return value.GetString();
    }

    private static byte[]? SessionKey(JsonElement root, out string? problem)
    {
        problem = "publicKey is required: the session public key as base64 DER SubjectPublicKeyInfo (RSA, at least 2048 bits).";
        if (!root.TryGetProperty("publicKey", out JsonElement value) || Base64(value) is not { } bytes)
        {
            return null;
        }

        try
        {
            using RSA key = RSA.Create();
            key.ImportSubjectPublicKeyInfo(bytes, out int read);
            if (read != bytes.Length || key.KeySize < 2048)
            {
                return null;
            }
        }
        catch (CryptographicException)
        {
            return null;
        }

        problem = null;
        return bytes;
    }

    private static X509Certificate2? Certificate(JsonElement root, string name, out string? problem)
    {
        X509Certificate2? certificate = root.TryGetProperty(name, out JsonElement value) ? CertificateFrom(value) : null;
        problem = certificate is null ? $"{name} is required: the leaf certificate as base64 DER." : null;
        return certificate;
    }

    private static X509Certificate2? CertificateFrom(JsonElement value)
    {
        if (Base64(value) is not { Length: > 0 } der)
        {
            return null;
        }

        try
        {
            var certificate = new X509Certificate2(der);
            if (certificate.RawData.AsSpan().SequenceEqual(der))
            {
                return certificate;
            }

            certificate.Dispose(); // Some other container (PFX, PEM text): not the DER certificate OCI expects.
            return null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static byte[]? Base64(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(value.GetString()!);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
