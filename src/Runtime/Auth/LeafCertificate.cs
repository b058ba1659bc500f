using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OciRaw;

/// <summary>
/// The instance's leaf certificate and its key, fetched from the metadata service as one unit (a pair that does not
/// match is read again, never used), with the tenancy read from its subject.
/// </summary>
internal sealed class LeafCertificate
{
    private static readonly string[] TenancyPrefixes = ["opc-tenant:", "opc-identity:"];

    private LeafCertificate(X509Certificate2 certificate, RsaKeyPool key, string tenancyId)
    {
        Certificate = certificate;
        Key = key;
        TenancyId = tenancyId;
    }

    public X509Certificate2 Certificate { get; }

    public RsaKeyPool Key { get; }

    public string TenancyId { get; }

    /// <summary>The keyId of the federation request: <c>tenancy/fed-x509/&lt;SHA-1 of the certificate&gt;</c>.</summary>
    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "The federation keyId is defined with the certificate's SHA-1 fingerprint; it identifies, it does not protect.")]
    public string FederationKeyId => $"{TenancyId}/fed-x509/{KeyFingerprint.ColonHex(SHA1.HashData(Certificate.RawData))}";

    /// <summary>
    /// The certificate and key, or null when they do not belong together: the metadata service rotated the leaf
    /// between the two reads, and reading both again gives a matching pair.
    /// </summary>
    /// <exception cref="OciAuthenticationException">Either is not PEM of its kind, or the certificate names no tenancy.</exception>
    public static LeafCertificate? TryPair(string certificatePem, string keyPem)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(certificatePem);
        }
        catch (CryptographicException e)
        {
            throw new OciAuthenticationException("The metadata service's identity/cert.pem is not a PEM certificate.", e);
        }

        RsaKeyPool key;
        try
        {
            key = new RsaKeyPool(PrivateKeyReader.Read(keyPem, passPhrase: null, "the metadata service's identity/key.pem"));
        }
        catch (OciKeyException e)
        {
            certificate.Dispose();
            throw new OciAuthenticationException(e.Message, e);
        }

        using (RSA? certificateKey = certificate.GetRSAPublicKey())
        {
            if (certificateKey is null || !certificateKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key.ExportSubjectPublicKeyInfo()))
            {
                certificate.Dispose();
                return null;
            }
        }

        return new LeafCertificate(certificate, key, TenancyOf(certificate));
    }

    /// <summary>The value after <c>opc-tenant:</c> in one of the subject's attributes (decoded, not split from a display string).</summary>
    private static string TenancyOf(X509Certificate2 certificate)
    {
        foreach (X500RelativeDistinguishedName name in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            string? value = name.HasMultipleElements ? null : name.GetSingleElementValue();
            foreach (string prefix in TenancyPrefixes)
            {
                if (value is not null && value.StartsWith(prefix, StringComparison.Ordinal) && value.Length > prefix.Length)
                {
                    return value[prefix.Length..];
                }
            }
        }

        throw new OciAuthenticationException($"The instance's leaf certificate ({certificate.Subject}) has no 'opc-tenant:' subject attribute naming its tenancy.");
    }
}
