using Microsoft.Extensions.Logging;

namespace OciRaw.Testing;

/// <summary>
/// The compute instance the emulator pretends to be, for testing instance-principal clients: its metadata service
/// (<see cref="MetadataBaseAddress"/>), its leaf certificate issued by a test CA with <c>opc-tenant:</c> in the
/// subject, and the federation endpoint (<see cref="FederationEndpoint"/>) that exchanges a request signed with the
/// leaf's key for a security token. Requests signed with <c>ST$&lt;token&gt;</c> and the session key then act in
/// <see cref="TenancyId"/> (e.g. create users with <c>compartmentId</c> = <see cref="TenancyId"/>). Get it from
/// <see cref="OciEmulator.InstancePrincipals"/>.
/// </summary>
public sealed class EmulatedInstancePrincipals
{
    /// <summary>The route name of the federation call, for <see cref="OciEmulatorFaults"/>.</summary>
    public const string FederationRoute = "POST " + FederationApi.Path;

    private readonly TestCertificateAuthority _authority;
    private readonly TokenRegistry _tokens;
    private readonly OciEmulatorFaults _faults;
    private long _tokenLifetimeTicks = DefaultTokenLifetime.Ticks;

    /// <summary>A new instance in a new tenancy, with its own leaf certificates.</summary>
    internal EmulatedInstancePrincipals(
        Uri baseAddress, TimeProvider clock, SignatureVerifier verifier, TokenRegistry tokens, OciEmulatorFaults faults, ILogger logger)
    {
        _authority = new TestCertificateAuthority(clock, Ocids.New("tenancy"));
        _tokens = tokens;
        _faults = faults;
        Metadata = new InstanceMetadataApi(_authority);
        Federation = new FederationApi(_authority, verifier, tokens, new SecurityTokenIssuer(), clock, () => TokenLifetime, logger);
        MetadataBaseAddress = new Uri(baseAddress, InstanceMetadataApi.BasePath);
        FederationEndpoint = new Uri(baseAddress, FederationApi.Path);
    }

    /// <summary>How long issued tokens live unless changed with <see cref="TokenLifetime"/>: 20 minutes.</summary>
    public static TimeSpan DefaultTokenLifetime { get; } = TimeSpan.FromMinutes(20);

    /// <summary>The IMDS base URL, <c>http://127.0.0.1:port/opc/v2</c> (no trailing slash, like <c>OCI_METADATA_BASE_URL</c>).</summary>
    public Uri MetadataBaseAddress { get; }

    /// <summary>The federation URL, <c>http://127.0.0.1:port/v1/x509</c>.</summary>
    public Uri FederationEndpoint { get; }

    /// <summary>What <c>/instance/region</c> answers: the short code <c>iad</c>.</summary>
    public string RegionCode { get; } = InstanceMetadataApi.RegionCode;

    /// <summary>The region id of <see cref="RegionCode"/>: <c>us-ashburn-1</c>.</summary>
    public string Region { get; } = InstanceMetadataApi.RegionId;

    /// <summary>The tenancy of the current leaf certificate (its <c>opc-tenant:</c>); tokens act in it.</summary>
    public string TenancyId => _authority.Current.TenancyId;

    /// <summary>The instance OCID: the leaf's CN and the token's <c>sub</c>. It stays the same across rotations.</summary>
    public string InstanceId => _authority.InstanceId;

    /// <summary>What IMDS serves as <c>/identity/cert.pem</c> now.</summary>
    public string LeafCertificatePem => _authority.Current.CertificatePem;

    /// <summary>SHA-1 fingerprint of the current leaf's DER, colon-separated lowercase hex (the <c>fed-x509</c> keyId part).</summary>
    public string LeafFingerprint => _authority.Current.Sha1Fingerprint;

    /// <summary>What IMDS serves as <c>/identity/intermediate.pem</c>.</summary>
    public string IntermediateCertificatePem { get; } = TestCertificateAuthority.IntermediatePem;

    /// <summary>The self-signed root the intermediate chains to (IMDS does not serve it; the federation service trusts it).</summary>
    public string RootCertificatePem { get; } = TestCertificateAuthority.RootPem;

    /// <summary>The lifetime (<c>exp - iat</c>) of tokens issued from now on; default <see cref="DefaultTokenLifetime"/>.</summary>
    public TimeSpan TokenLifetime
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _tokenLifetimeTicks));
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            Interlocked.Exchange(ref _tokenLifetimeTicks, value.Ticks);
        }
    }

    /// <summary>How many requests reached <c>POST /v1/x509</c>, refused and faulted ones included (<see cref="OciEmulatorFaults.CallCount"/>).</summary>
    public int FederationCallCount => _faults.CallCount(FederationRoute);

    /// <summary>How many tokens the federation endpoint issued.</summary>
    public int IssuedTokenCount => _tokens.Count;

    internal InstanceMetadataApi Metadata { get; }

    internal FederationApi Federation { get; }

    /// <summary>
    /// Issues a new leaf certificate with a new key for the same tenancy. IMDS serves it from now on, and federation
    /// refuses the previous leaf. Tokens already issued stay valid.
    /// </summary>
    public void RotateCertificate() => _authority.Rotate(TenancyId);

    /// <summary>
    /// Issues a new leaf certificate whose <c>opc-tenant:</c> is <paramref name="tenancyId"/>: what a client must refuse
    /// ("the tenancy changed") on its next refresh.
    /// </summary>
    public void RotateCertificateToTenancy(string tenancyId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenancyId);
        _authority.Rotate(tenancyId);
    }

    /// <summary>Revokes every token issued so far: the next request signed with one of them gets 401.</summary>
    public void RevokeAllTokens() => _tokens.RevokeAll();
}
