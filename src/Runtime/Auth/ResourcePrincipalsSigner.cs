namespace OciRaw;

/// <summary>
/// Signs as an OCI resource (Functions, Data Science jobs, ...) with resource principals v2.2: keyId
/// <c>ST$&lt;RPST&gt;</c> and the resource's private key, both from <c>OCI_RESOURCE_PRINCIPAL_*</c> variables that hold
/// either the value itself or an absolute path to it. Files are re-read when they change, when the token is about to
/// expire, and once after a 401.
/// </summary>
public sealed class ResourcePrincipalsSigner : OciSigner
{
    /// <summary>The variables of resource principals v2.2.</summary>
    public const string VersionVariable = "OCI_RESOURCE_PRINCIPAL_VERSION";

    /// <inheritdoc cref="VersionVariable"/>
    public const string TokenVariable = "OCI_RESOURCE_PRINCIPAL_RPST";

    /// <inheritdoc cref="VersionVariable"/>
    public const string PrivateKeyVariable = "OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM";

    /// <inheritdoc cref="VersionVariable"/>
    public const string PassPhraseVariable = "OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM_PASSPHRASE";

    /// <inheritdoc cref="VersionVariable"/>
    public const string RegionVariable = "OCI_RESOURCE_PRINCIPAL_REGION";

    private static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(60);

    private readonly ValueOrFile _token;
    private readonly ValueOrFile _privateKey;
    private readonly ValueOrFile? _passPhrase;
    private readonly object _gate = new();
    private volatile Snapshot _current;

    /// <summary>Reads the variables from <paramref name="environment"/> (tests), or from the process environment.</summary>
    /// <exception cref="OciAuthenticationException">A variable is missing, the version is not 2.2, or a value cannot be read.</exception>
    public ResourcePrincipalsSigner(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        string version = Required(environment, VersionVariable);
        if (version != "2.2")
        {
            throw new OciAuthenticationException($"{VersionVariable} is '{version}'; OciRaw supports resource principals version 2.2.");
        }

        _token = new ValueOrFile(TokenVariable, Required(environment, TokenVariable));
        _privateKey = new ValueOrFile(PrivateKeyVariable, Required(environment, PrivateKeyVariable));
        _passPhrase = environment(PassPhraseVariable) is { Length: > 0 } passPhrase ? new ValueOrFile(PassPhraseVariable, passPhrase) : null;
        Region = environment(RegionVariable) is { Length: > 0 } region ? region.Trim() : null;
        _current = Load();
    }

    /// <summary><c>OCI_RESOURCE_PRINCIPAL_REGION</c>, if set.</summary>
    public string? Region { get; }

    /// <summary>When the current token expires, if it says.</summary>
    public DateTimeOffset? ExpiresAt => _current.ExpiresAt;

    /// <inheritdoc />
    public override ValueTask<OciCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        Snapshot snapshot = _current;
        bool nearExpiry = snapshot.ExpiresAt is { } expires && TimeProvider.GetUtcNow() >= expires - RefreshMargin;
        if (nearExpiry || snapshot.Versions != Versions())
        {
            snapshot = Reload();
        }

        return new ValueTask<OciCredentials>(snapshot.Credentials);
    }

    /// <inheritdoc />
    protected internal override ValueTask<bool> RefreshAfterUnauthorizedAsync(OciCredentials rejected, CancellationToken cancellationToken) =>
        new(!ReferenceEquals(Reload().Credentials, rejected));

    /// <inheritdoc />
    public override string ToString() => $"ResourcePrincipalsSigner {{ {_token}, {_privateKey}, Region = {Region}, ExpiresAt = {ExpiresAt:u} }}";

    private Snapshot Reload()
    {
        lock (_gate)
        {
            Snapshot reloaded = Load();
            // Keep the same credentials object when nothing changed, so a 401 with an unchanged token is not retried.
            if (reloaded.Token != _current.Token || reloaded.KeyHash != _current.KeyHash)
            {
                _current = reloaded;
                OciTelemetry.TokenRefreshes.Add(1, new KeyValuePair<string, object?>("oci.signer", "resource_principal"));
            }

            return _current;
        }
    }

    private Snapshot Load()
    {
        (DateTime, DateTime) versions = Versions();
        string token = _token.Read();
        JwtClaims claims = JwtClaims.TryRead(token)
            ?? throw new OciAuthenticationException($"{TokenVariable} does not hold a resource principal session token (a JWT).");
        string keyPem = _privateKey.Read();
        RsaKeyPool key;
        try
        {
            key = new RsaKeyPool(PrivateKeyReader.Read(keyPem, _passPhrase?.Read(), PrivateKeyVariable));
        }
        catch (OciKeyException e)
        {
            throw new OciAuthenticationException(e.Message, e);
        }

        // Only a hash of the PEM is kept, to notice a rotated key without holding the key text.
        string keyHash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(keyPem)));
        return new Snapshot(token, keyHash, new OciCredentials("ST$" + token, key), claims.ExpiresAt, versions);
    }

    private (DateTime, DateTime) Versions() => (_token.Version, _privateKey.Version);

    private static string Required(Func<string, string?> environment, string name) =>
        environment(name) is { } value && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : throw new OciAuthenticationException($"{name} is not set; resource principals need {VersionVariable}=2.2, {TokenVariable} and {PrivateKeyVariable}.");

    private sealed record Snapshot(string Token, string KeyHash, OciCredentials Credentials, DateTimeOffset? ExpiresAt, (DateTime, DateTime) Versions)
    {
        public override string ToString() => $"Snapshot {{ ExpiresAt = {ExpiresAt:u} }}";
    }
}
