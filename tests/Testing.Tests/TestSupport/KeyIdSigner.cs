using System.Security.Cryptography;

namespace OciRaw.Testing.Tests.TestSupport;

/// <summary>Signs with any key under any keyId: a wrong key claiming a registered keyId, or an unregistered keyId.</summary>
internal sealed class KeyIdSigner(string keyId, RSA key) : OciSigner
{
    private readonly OciCredentials _credentials = new(keyId, key);

    public override ValueTask<OciCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) => new(_credentials);
}
