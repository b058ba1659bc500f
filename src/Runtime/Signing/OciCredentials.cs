using System.Security.Cryptography;

namespace OciRaw;

/// <summary>
/// What one signature needs: the <c>keyId</c> and the RSA private key that belongs to it, as one immutable snapshot.
/// Token-based signers replace the whole snapshot on refresh, so a request is never signed with a key that does not
/// match its keyId. Safe to use from many threads.
/// </summary>
public sealed class OciCredentials
{
    private readonly RsaKeyPool _key;

    /// <summary>
    /// Creates credentials from a keyId and an RSA private key. The key is copied (it must be exportable), so the
    /// caller keeps ownership of <paramref name="privateKey"/>.
    /// </summary>
    public OciCredentials(string keyId, RSA privateKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        ArgumentNullException.ThrowIfNull(privateKey);
        RSAParameters parameters;
        try
        {
            parameters = privateKey.ExportParameters(includePrivateParameters: true);
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException("The RSA key must be an exportable private key.", nameof(privateKey), e);
        }

        KeyId = keyId;
        _key = new RsaKeyPool(RSA.Create(parameters));
    }

    internal OciCredentials(string keyId, RsaKeyPool key)
    {
        KeyId = keyId;
        _key = key;
    }

    /// <summary>The keyId of the Authorization header, e.g. <c>tenancy/user/fingerprint</c> or <c>ST$token</c>.</summary>
    public string KeyId { get; }

    /// <summary>The OCI fingerprint (MD5, colon-separated lowercase hex) of the key's public half.</summary>
    public string KeyFingerprint => _key.Fingerprint;

    internal RsaKeyPool Key => _key;

    /// <summary>Shows the keyId with any security token redacted; never key material.</summary>
    public override string ToString() => $"OciCredentials {{ KeyId = {SecretRedaction.RedactKeyId(KeyId)}, KeyFingerprint = {KeyFingerprint} }}";
}
