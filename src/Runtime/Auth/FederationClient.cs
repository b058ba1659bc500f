using System.Buffers;
using System.Text.Json;

namespace OciRaw;

/// <summary>
/// Exchanges the instance's leaf certificate for a session token: <c>POST /v1/x509</c> signed with the leaf key
/// (keyId <c>tenancy/fed-x509/fingerprint</c>), carrying the leaf, the intermediate and the new session public key.
/// </summary>
internal sealed class FederationClient(HttpClient http, TransientRetry retry, TimeProvider clock)
{
    public async Task<string> RequestTokenAsync(
        Uri endpoint, LeafCertificate leaf, string intermediatePem, byte[] sessionPublicKey, CancellationToken cancellationToken)
    {
        byte[] body = Body(leaf, intermediatePem, sessionPublicKey);
        var credentials = new OciCredentials(leaf.FederationKeyId, leaf.Key);
        using HttpResponseMessage response = await retry.SendAsync(http, async attemptToken =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            // Each attempt is signed anew, with a fresh date.
            await OciRequestSigner.SignAsync(request, credentials, clock.GetUtcNow(), attemptToken).ConfigureAwait(false);
            return request;
        }, $"The federation request POST {endpoint}", cancellationToken).ConfigureAwait(false);
        return ReadToken(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false), endpoint);
    }

    private static byte[] Body(LeafCertificate leaf, string intermediatePem, byte[] sessionPublicKey)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBase64String("certificate", leaf.Certificate.RawData);
            writer.WriteBase64String("publicKey", sessionPublicKey);
            writer.WriteStartArray("intermediateCertificates");
            writer.WriteBase64StringValue(IntermediateDer(intermediatePem));
            writer.WriteEndArray();
            writer.WriteString("purpose", "DEFAULT");
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] IntermediateDer(string pem)
    {
        try
        {
            using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(pem);
            return certificate.RawData;
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new OciAuthenticationException("The metadata service's identity/intermediate.pem is not a PEM certificate.", e);
        }
    }

    /// <summary>The token of <c>{"token": "..."}</c>; a garbled answer is an error that never repeats the answer itself.</summary>
    private static string ReadToken(byte[] body, Uri endpoint)
    {
        string? token = null;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("token", out JsonElement value)
                && value.ValueKind == JsonValueKind.String)
            {
                token = value.GetString();
            }
        }
        catch (JsonException)
        {
            throw new OciAuthenticationException($"The federation endpoint {endpoint} answered with a body that is not JSON.");
        }

        if (string.IsNullOrEmpty(token))
        {
            throw new OciAuthenticationException($"The federation endpoint {endpoint} answered without a 'token'.");
        }

        return JwtClaims.TryRead(token) is { ExpiresAt: not null }
            ? token
            : throw new OciAuthenticationException($"The federation endpoint {endpoint} returned a token that is not a JWT with an 'exp' claim.");
    }
}
