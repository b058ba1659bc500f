namespace OciRaw;

/// <summary>
/// Signs with a user's API key: keyId <c>tenancy/user/fingerprint</c>. The C# form of the OCI Python SDK's
/// <c>oci.signer.Signer</c>. The key is loaded and checked once, at construction; signing never touches the disk.
/// </summary>
public sealed class ApiKeySigner : OciSigner
{
    private readonly ValueTask<OciCredentials> _credentials;

    /// <summary>
    /// Loads the private key from <paramref name="privateKeyFileLocation"/> (<c>~</c> is expanded); <paramref name="options"/>
    /// sets the clock that dates requests.
    /// </summary>
    /// <exception cref="OciKeyException">The key cannot be read or decrypted, or does not match <paramref name="fingerprint"/>.</exception>
    public ApiKeySigner(string tenancy, string user, string fingerprint, string privateKeyFileLocation, string? passPhrase = null, OciSignerOptions? options = null)
        : this(tenancy, user, fingerprint, LoadFile(tenancy, user, fingerprint, privateKeyFileLocation, passPhrase, out string source), source, options)
    {
        Warnings = KeyFilePermissions.Check(PathExpansion.ExpandHome(privateKeyFileLocation));
    }

    private ApiKeySigner(string tenancy, string user, string fingerprint, RsaKeyPool key, string keySource, OciSignerOptions? options)
        : base(options?.TimeProvider)
    {
        string normalized = KeyFingerprint.Normalize(fingerprint);
        if (!string.Equals(normalized, key.Fingerprint, StringComparison.Ordinal))
        {
            throw new OciKeyException(OciKeyError.FingerprintMismatch, keySource,
                $"The fingerprint '{fingerprint}' does not match the key in {keySource}, whose fingerprint is '{key.Fingerprint}'. " +
                "OCI would answer every request with 401 NotAuthenticated. Use the fingerprint the Console shows for this key's public half.");
        }

        Tenancy = tenancy;
        User = user;
        Fingerprint = normalized;
        _credentials = new(new OciCredentials($"{tenancy}/{user}/{normalized}", key));
    }

    /// <summary>Creates a signer from PEM text (any of the formats <see cref="ApiKeySigner"/> reads from files).</summary>
    public static ApiKeySigner FromPem(string tenancy, string user, string fingerprint, string privateKeyPem, string? passPhrase = null)
    {
        ValidateIdentity(tenancy, user, fingerprint);
        ArgumentNullException.ThrowIfNull(privateKeyPem);
        const string Source = "the PEM text given";
        return new ApiKeySigner(tenancy, user, fingerprint, new RsaKeyPool(PrivateKeyReader.Read(privateKeyPem, passPhrase, Source)), Source, options: null);
    }

    /// <summary>The tenancy OCID.</summary>
    public string Tenancy { get; }

    /// <summary>The user OCID.</summary>
    public string User { get; }

    /// <summary>The key fingerprint, lowercase.</summary>
    public string Fingerprint { get; }

    /// <summary><c>tenancy/user/fingerprint</c>.</summary>
    public string KeyId => _credentials.Result.KeyId;

    /// <summary>Non-fatal findings, such as a key file that others can read.</summary>
    public IReadOnlyList<string> Warnings { get; } = [];

    /// <inheritdoc />
    public override ValueTask<OciCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) => _credentials;

    /// <inheritdoc />
    public override string ToString() => $"ApiKeySigner {{ KeyId = {KeyId} }}";

    /// <summary>Validates the identity first, so that a bad argument is reported before any file is read.</summary>
    private static RsaKeyPool LoadFile(string tenancy, string user, string fingerprint, string path, string? passPhrase, out string source)
    {
        ValidateIdentity(tenancy, user, fingerprint);
        ArgumentException.ThrowIfNullOrWhiteSpace(path, "privateKeyFileLocation");
        string expanded = PathExpansion.ExpandHome(path);
        source = $"'{expanded}'";
        return new RsaKeyPool(PrivateKeyReader.ReadFile(expanded, passPhrase));
    }

    private static void ValidateIdentity(string tenancy, string user, string fingerprint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenancy);
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(fingerprint);
        if (!KeyFingerprint.IsWellFormed(fingerprint))
        {
            throw new ArgumentException(
                $"'{fingerprint}' is not a key fingerprint: expected 16 colon-separated hex bytes such as '20:3b:97:13:55:1c:5b:0d:d3:37:d8:50:4e:c5:3a:34'.",
                nameof(fingerprint));
        }
    }
}
