using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OciRaw.Testing;

/// <summary>
/// The emulator's instance PKI: a self-signed root, an intermediate signed by it (both shared by every emulator in the
/// process), and the instance's leaf (RSA 2048) signed by the intermediate, with a subject shaped like OCI's
/// (<c>CN=ocid1.instance..., OU=opc-certtype:instance, OU=opc-compartment:..., OU=opc-instance:..., OU=opc-tenant:...</c>).
/// <see cref="Rotate"/> issues a new leaf with a new key; the authority remembers the leaves it issued and which one is
/// current, since only the current leaf may federate.
/// </summary>
internal sealed class TestCertificateAuthority
{
    public const string TenantPrefix = "opc-tenant:";
    private const string Region = "iad";
    private const string IntermediateKeySlot = "ca-intermediate";

    private static readonly Lazy<(X509Certificate2 Root, X509Certificate2 Intermediate)> Shared = new(CreateRootAndIntermediate);

    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, InstanceLeaf> _issued = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _rotationGate = new();
    private int _leafCount;
    private volatile InstanceLeaf _current;

    public TestCertificateAuthority(TimeProvider clock, string tenancyId)
    {
        _clock = clock;
        InstanceId = $"ocid1.instance.oc1.{Region}." + Ocids.New("instance")["ocid1.instance.oc1..".Length..];
        _current = Issue(tenancyId);
    }

    /// <summary>The instance OCID (the leaf's CN and the token's <c>sub</c>); it survives rotations.</summary>
    public string InstanceId { get; }

    /// <summary>The leaf IMDS serves now.</summary>
    public InstanceLeaf Current => _current;

    public static string RootPem { get; } = Shared.Value.Root.ExportCertificatePem() + "\n";

    public static string IntermediatePem { get; } = Shared.Value.Intermediate.ExportCertificatePem() + "\n";

    /// <summary>Replaces the current leaf by a new one (new key) for <paramref name="tenancyId"/>.</summary>
    public InstanceLeaf Rotate(string tenancyId)
    {
        lock (_rotationGate)
        {
            return _current = Issue(tenancyId);
        }
    }

    /// <summary>A leaf this authority issued (current or rotated away) by its SHA-1 or SHA-256 fingerprint, any case.</summary>
    public InstanceLeaf? FindIssued(string fingerprint) => _issued.TryGetValue(fingerprint, out InstanceLeaf? leaf) ? leaf : null;

    /// <summary>
    /// Null when <paramref name="leaf"/> chains to the root through one of <paramref name="intermediates"/> (the
    /// emulator's intermediate) and is valid at the server clock; otherwise why not.
    /// </summary>
    public string? CheckChain(X509Certificate2 leaf, IReadOnlyList<X509Certificate2> intermediates)
    {
        (X509Certificate2 root, X509Certificate2 intermediate) = Shared.Value;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.ExtraStore.AddRange(intermediates.ToArray());
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = _clock.GetUtcNow().LocalDateTime;
        if (!chain.Build(leaf))
        {
            string statuses = string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()).Distinct());
            return $"the leaf certificate does not chain to the emulator's root through the given intermediates ({statuses})";
        }

        if (chain.ChainElements.Count != 3 || !chain.ChainElements[1].Certificate.RawData.AsSpan().SequenceEqual(intermediate.RawData))
        {
            return "the leaf certificate is not issued by the emulator's instance intermediate";
        }

        return null;
    }

    /// <summary>The value after <c>opc-tenant:</c> in the subject's attributes, or null.</summary>
    public static string? TenancyOf(X500DistinguishedName subject)
    {
        foreach (X500RelativeDistinguishedName rdn in subject.EnumerateRelativeDistinguishedNames())
        {
            if (!rdn.HasMultipleElements && rdn.GetSingleElementValue() is { } value && value.StartsWith(TenantPrefix, StringComparison.Ordinal))
            {
                return value[TenantPrefix.Length..];
            }
        }

        return null;
    }

    private InstanceLeaf Issue(string tenancyId)
    {
        DateTimeOffset now = _clock.GetUtcNow();
        X509Certificate2 intermediate = Shared.Value.Intermediate;
        using RSA key = KeyCache.Create("instance-leaf-" + Interlocked.Increment(ref _leafCount));
        using RSA issuerKey = KeyCache.Create(IntermediateKeySlot);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(InstanceId);
        subject.AddOrganizationalUnitName("opc-certtype:instance");
        subject.AddOrganizationalUnitName("opc-compartment:" + tenancyId);
        subject.AddOrganizationalUnitName("opc-instance:" + InstanceId);
        subject.AddOrganizationalUnitName(TenantPrefix + tenancyId);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false)); // clientAuth
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(intermediate, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        using X509Certificate2 certificate = request.Create(
            intermediate.SubjectName, X509SignatureGenerator.CreateForRSA(issuerKey, RSASignaturePadding.Pkcs1), now.AddHours(-1), now.AddYears(1), NewSerial());
        var leaf = new InstanceLeaf(certificate, key, tenancyId, InstanceId, compartmentId: tenancyId);
        _issued[leaf.Sha1Fingerprint] = leaf;
        _issued[leaf.Sha256Fingerprint] = leaf;
        return leaf;
    }

    /// <summary>Valid for decades around the real time, so emulators on a test clock far from it still trust them.</summary>
    private static (X509Certificate2 Root, X509Certificate2 Intermediate) CreateRootAndIntermediate()
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using RSA rootKey = KeyCache.Create("ca-root");
        var rootRequest = new CertificateRequest("CN=OciRaw Emulator Root CA, O=OciRaw Testing", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        AddCaExtensions(rootRequest, pathLength: 1);
        using X509Certificate2 rootWithKey = rootRequest.CreateSelfSigned(now.AddYears(-20), now.AddYears(40));

        using RSA intermediateKey = KeyCache.Create(IntermediateKeySlot);
        var intermediateRequest = new CertificateRequest(
            "CN=OciRaw Emulator Instance Intermediate CA, O=OciRaw Testing", intermediateKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        AddCaExtensions(intermediateRequest, pathLength: 0);
        intermediateRequest.CertificateExtensions.Add(
            X509AuthorityKeyIdentifierExtension.CreateFromCertificate(rootWithKey, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        X509Certificate2 intermediate = intermediateRequest.Create(rootWithKey, now.AddYears(-10), now.AddYears(30), NewSerial());
        return (new X509Certificate2(rootWithKey.RawData), intermediate);
    }

    private static void AddCaExtensions(CertificateRequest request, int pathLength)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, pathLength, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
    }

    private static byte[] NewSerial()
    {
        byte[] serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // positive
        serial[0] |= 0x01; // no leading zero byte
        return serial;
    }
}
