using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OciRaw.Testing;

/// <summary>
/// One leaf certificate of the emulated instance and the PEM texts IMDS serves for it. Immutable: a rotation makes a
/// new one, so <c>cert.pem</c> and <c>key.pem</c> always come from the same snapshot. Deliberately not a record and
/// without a <c>ToString</c> that shows members: the private key must never reach a log.
/// </summary>
internal sealed class InstanceLeaf
{
    public InstanceLeaf(X509Certificate2 certificate, RSA privateKey, string tenancyId, string instanceId, string compartmentId)
    {
        TenancyId = tenancyId;
        InstanceId = instanceId;
        CompartmentId = compartmentId;
        byte[] der = certificate.RawData;
        CertificatePem = certificate.ExportCertificatePem() + "\n";
        PrivateKeyPem = privateKey.ExportRSAPrivateKeyPem() + "\n";
#pragma warning disable CA5350 // OCI names the leaf in fed-x509 keyIds by its SHA-1 fingerprint; it identifies, it does not protect.
        Sha1Fingerprint = Fingerprints.Colon(SHA1.HashData(der));
#pragma warning restore CA5350
        Sha256Fingerprint = Fingerprints.Colon(SHA256.HashData(der));
    }

    public string TenancyId { get; }

    public string InstanceId { get; }

    public string CompartmentId { get; }

    public string CertificatePem { get; }

    /// <summary>PKCS#1 (<c>RSA PRIVATE KEY</c>), unencrypted, as real IMDS serves it.</summary>
    public string PrivateKeyPem { get; }

    /// <summary>SHA-1 of the DER, colon-separated lowercase hex (the <c>fed-x509</c> keyId form).</summary>
    public string Sha1Fingerprint { get; }

    /// <summary>SHA-256 of the DER, colon-separated lowercase hex (the <c>fed-x509-sha256</c> keyId form).</summary>
    public string Sha256Fingerprint { get; }
}

/// <summary>Certificate fingerprints as OCI writes them in keyIds.</summary>
internal static class Fingerprints
{
    public static string Colon(byte[] hash) => string.Join(':', hash.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
}
