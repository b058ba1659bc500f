using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OciRaw.Testing;

/// <summary>
/// The instance-principal federation endpoint <c>POST /v1/x509</c>. It authenticates the instance by its leaf
/// certificate: the request is signed with the leaf's key under keyId <c>&lt;tenancy&gt;/fed-x509/&lt;SHA-1 fp&gt;</c>
/// (or <c>fed-x509-sha256</c>), the leaf in the body is the one the keyId names, chains to the emulator's root, is the
/// current leaf, and its <c>opc-tenant</c> is the keyId's tenancy. It answers <c>{"token": "&lt;JWT&gt;"}</c>, a token
/// bound to the session public key of the body.
/// </summary>
internal sealed partial class FederationApi(
    TestCertificateAuthority authority, SignatureVerifier verifier, TokenRegistry tokens, SecurityTokenIssuer issuer, TimeProvider clock,
    Func<TimeSpan> tokenLifetime, ILogger logger)
{
    public const string Path = "/v1/x509";
    private const string Sha1KeyIdKind = "fed-x509";
    private const string Sha256KeyIdKind = "fed-x509-sha256";

    /// <summary>Answers the request; returns why it is not authenticated instead (the caller answers 401).</summary>
    public async Task<string?> HandleAsync(HttpContext context, byte[] body)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await OciError.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed", $"{context.Request.Method} is not allowed on {Path}.").ConfigureAwait(false);
            return null;
        }

        using FederationRequest? request = FederationRequest.TryParse(body, out string? problem);
        if (request is null)
        {
            await OciError.WriteAsync(context, StatusCodes.Status400BadRequest, "InvalidParameter", problem!).ConfigureAwait(false);
            return null;
        }

        using RSA? leafKey = request.Leaf.GetRSAPublicKey();
        if (leafKey is null)
        {
            return "the leaf certificate in the body does not hold an RSA key";
        }

        string? keyIdTenancy = null;
        InstanceLeaf? named = null;
        string? failure = verifier.Verify(context.Request, body, ResolveLeafKey, requireHost: false, out _);
        if (failure is not null)
        {
            return failure;
        }

        failure = authority.CheckChain(request.Leaf, request.Intermediates);
        if (failure is not null)
        {
            return failure;
        }

        string? leafTenancy = TestCertificateAuthority.TenancyOf(request.Leaf.SubjectName);
        if (leafTenancy is null)
        {
            return "the leaf certificate's subject has no opc-tenant: attribute";
        }

        if (!string.Equals(keyIdTenancy, leafTenancy, StringComparison.Ordinal))
        {
            return $"the keyId names tenancy {keyIdTenancy} but the leaf certificate belongs to {leafTenancy}";
        }

        InstanceLeaf current = authority.Current;
        if (!ReferenceEquals(named, current))
        {
            return $"the leaf certificate (SHA-1 {named!.Sha1Fingerprint}) was rotated away; the current one is {current.Sha1Fingerprint}";
        }

        DateTimeOffset now = clock.GetUtcNow();
        DateTimeOffset expires = now + tokenLifetime();
        var sessionKey = RSA.Create();
        sessionKey.ImportSubjectPublicKeyInfo(request.SessionKeyInfo, out _);
        (string token, string id) = issuer.Issue(current, sessionKey, now, expires);
        tokens.Register(token, new TokenRegistry.IssuedToken(id, sessionKey, current.TenancyId, expires));
        LogIssued(logger, id, current.TenancyId, expires);
        await EmulatorJson.WriteAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("token", token);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
        return null;

        // The key that must have signed: the public key of the body's leaf, once the keyId is shown to name that leaf.
        string? ResolveLeafKey(string keyId, out RSA? publicKey)
        {
            publicKey = null;
            if (keyId.StartsWith(SignatureVerifier.TokenKeyIdPrefix, StringComparison.Ordinal))
            {
                return "the federation endpoint does not accept security tokens; sign with the instance's leaf certificate key";
            }

            string[] parts = keyId.Split('/');
            if (parts.Length != 3 || parts[0].Length == 0 || parts[1] is not (Sha1KeyIdKind or Sha256KeyIdKind) || parts[2].Length == 0)
            {
                return $"keyId '{keyId}' is not <tenancy>/{Sha1KeyIdKind}/<SHA-1 fingerprint> or <tenancy>/{Sha256KeyIdKind}/<SHA-256 fingerprint>";
            }

            string fingerprint = parts[2];
            byte[] der = request.Leaf.RawData;
#pragma warning disable CA5350 // OCI names the leaf by its SHA-1 fingerprint in fed-x509 keyIds; it identifies, it does not protect.
            string bodyFingerprint = Fingerprints.Colon(parts[1] == Sha1KeyIdKind ? SHA1.HashData(der) : SHA256.HashData(der));
#pragma warning restore CA5350
            named = authority.FindIssued(fingerprint);
            if (named is null)
            {
                return $"the keyId fingerprint {fingerprint} ({parts[1]}) names no certificate the emulator issued";
            }

            if (!string.Equals(fingerprint, bodyFingerprint, StringComparison.OrdinalIgnoreCase))
            {
                return $"the keyId fingerprint {fingerprint} does not match the certificate in the body ({bodyFingerprint})";
            }

            keyIdTenancy = parts[0];
            publicKey = leafKey;
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued instance-principal security token {TokenId} for tenancy {Tenancy}, expiring {Expires}")]
    private static partial void LogIssued(ILogger logger, string tokenId, string tenancy, DateTimeOffset expires);
}
