using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace OciRaw;

/// <summary>
/// One RSA private key, usable from many threads at once. Microsoft documents <see cref="RSA"/> instance members as not
/// thread-safe, so each concurrent signature borrows its own instance; instances are cloned from a private template the
/// first time a thread finds the pool empty and are reused after that, so steady-state signing allocates no keys.
/// </summary>
internal sealed class RsaKeyPool
{
    private readonly RSA _template;
    private readonly ConcurrentBag<RSA> _idle = new();

    /// <summary>Takes ownership of <paramref name="key"/>.</summary>
    public RsaKeyPool(RSA key)
    {
        _template = key;
        SignatureLength = (key.KeySize + 7) / 8;
        Fingerprint = KeyFingerprint.Compute(key);
    }

    public int SignatureLength { get; }

    /// <summary>The OCI (MD5) fingerprint of the public half.</summary>
    public string Fingerprint { get; }

    /// <summary>The public half as DER SubjectPublicKeyInfo (for federation requests and tests).</summary>
    public byte[] ExportSubjectPublicKeyInfo()
    {
        lock (_template)
        {
            return _template.ExportSubjectPublicKeyInfo();
        }
    }

    /// <summary>RSASSA-PKCS1-v1_5 with SHA-256 over <paramref name="data"/>, written to <paramref name="signature"/>.</summary>
    public void Sign(ReadOnlySpan<byte> data, Span<byte> signature)
    {
        RSA rsa = Rent();
        try
        {
            if (!rsa.TrySignData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, out int written) || written != SignatureLength)
            {
                throw new CryptographicException("RSA signing produced no signature of the expected length.");
            }
        }
        finally
        {
            _idle.Add(rsa);
        }
    }

    private RSA Rent()
    {
        if (_idle.TryTake(out RSA? rsa))
        {
            return rsa;
        }

        lock (_template)
        {
            RSAParameters parameters = _template.ExportParameters(includePrivateParameters: true);
            try
            {
                return RSA.Create(parameters);
            }
            finally
            {
                ClearPrivateParameters(parameters);
            }
        }
    }

    private static void ClearPrivateParameters(RSAParameters parameters)
    {
        CryptographicOperations.ZeroMemory(parameters.D);
        CryptographicOperations.ZeroMemory(parameters.P);
        CryptographicOperations.ZeroMemory(parameters.Q);
        CryptographicOperations.ZeroMemory(parameters.DP);
        CryptographicOperations.ZeroMemory(parameters.DQ);
        CryptographicOperations.ZeroMemory(parameters.InverseQ);
    }
}
