using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OciRaw.Testing;

/// <summary>
/// Mints instance-principal security tokens: RS256 JWTs signed with an emulator key, carrying the claims OCI's look
/// like (<c>sub</c>, <c>tenant</c>, <c>res_tenant</c>, <c>opc-*</c>, <c>iat</c>, <c>exp</c>, <c>jti</c>) and the
/// session public key as a JWK in the <c>jwk</c> claim (a JSON string, as OCI writes it). Clients never validate it.
/// </summary>
internal sealed class SecurityTokenIssuer
{
    private const string SigningKeySlot = "token-signing";
    private readonly string _keyId = "ociraw-emulator-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();

    /// <summary>A new token for <paramref name="leaf"/> bound to <paramref name="sessionKey"/>, and its <c>jti</c>.</summary>
    public (string Token, string Id) Issue(InstanceLeaf leaf, RSA sessionKey, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        string id = Guid.NewGuid().ToString("D");
        string header = Base64Url(Json(writer =>
        {
            writer.WriteString("alg", "RS256");
            writer.WriteString("typ", "JWT");
            writer.WriteString("kid", _keyId);
        }));
        string payload = Base64Url(Json(writer =>
        {
            writer.WriteString("sub", leaf.InstanceId);
            writer.WriteString("iss", "authService.oracle.com");
            writer.WriteString("aud", "oci");
            writer.WriteString("ptype", "instance");
            writer.WriteString("ttype", "x509");
            writer.WriteString("opc-certtype", "instance");
            writer.WriteString("opc-instance", leaf.InstanceId);
            writer.WriteString("opc-compartment", leaf.CompartmentId);
            writer.WriteString("opc-tenant", leaf.TenancyId);
            writer.WriteString("tenant", leaf.TenancyId);
            writer.WriteString("res_tenant", leaf.TenancyId);
            writer.WriteString("fprint", leaf.Sha1Fingerprint.Replace(":", string.Empty, StringComparison.Ordinal).ToUpperInvariant());
            writer.WriteNumber("iat", issuedAt.ToUnixTimeSeconds());
            writer.WriteNumber("exp", expiresAt.ToUnixTimeSeconds());
            writer.WriteString("jti", id);
            writer.WriteString("jwk", Encoding.UTF8.GetString(Json(writer => WriteJwk(writer, sessionKey, id))));
        }));
        string signingInput = header + "." + payload;
        using RSA signingKey = KeyCache.Create(SigningKeySlot);
        byte[] signature = signingKey.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return (signingInput + "." + Base64Url(signature), id);
    }

    private static void WriteJwk(Utf8JsonWriter writer, RSA key, string id)
    {
        RSAParameters parameters = key.ExportParameters(includePrivateParameters: false);
        writer.WriteString("kid", id);
        writer.WriteString("n", Base64Url(parameters.Modulus!));
        writer.WriteString("e", Base64Url(parameters.Exponent!));
        writer.WriteString("kty", "RSA");
        writer.WriteString("alg", "RS256");
        writer.WriteString("use", "sig");
    }

    private static byte[] Json(Action<Utf8JsonWriter> writeProperties)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
