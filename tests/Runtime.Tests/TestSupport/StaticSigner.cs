using System.Security.Cryptography;

namespace OciRaw.Tests;

/// <summary>A signer with fixed credentials: lets a test sign with any keyId (the published vectors' keyId has a made-up fingerprint).</summary>
internal sealed class StaticSigner(OciCredentials credentials) : OciSigner
{
    public static StaticSigner FromPemFile(string keyId, string path, string? passPhrase = null)
    {
        using RSA rsa = PrivateKeyReader.ReadFile(path, passPhrase);
        return new StaticSigner(new OciCredentials(keyId, rsa));
    }

    public override ValueTask<OciCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) => new(credentials);
}
