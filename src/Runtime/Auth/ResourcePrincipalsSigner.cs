namespace OciRaw;

/// <summary>
/// Signs as an OCI resource (Functions, Data Science jobs, ...) with resource principals v2.2: keyId
/// <c>ST$&lt;RPST&gt;</c> and the resource's private key, both from <c>OCI_RESOURCE_PRINCIPAL_*</c> variables that hold
/// either the value itself or an absolute path to it. Files are re-read when they change, every few seconds from the
/// token's refresh time on, and once after a 401. A re-read that fails keeps the current token while it is valid.
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

    /// <summary>
    /// From the refresh time on, how often the files are read again although their stamps did not change (a file
    /// system with coarse timestamps may hide a rotation).
    /// </summary>
    private static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(5);

    private readonly ValueOrFile _token;
    private readonly ValueOrFile _privateKey;
    private readonly ValueOrFile? _passPhrase;
    private readonly TokenFileReader _reader = new();
    private readonly OciObserver? _observer;
    private volatile Snapshot _current;

    /// <summary>Reads the variables from <see cref="ResourcePrincipalsSignerOptions.EnvironmentVariables"/> (default: the process environment).</summary>
    /// <exception cref="OciAuthenticationException">A variable is missing, the version is not 2.2, or a value cannot be read.</exception>
    public ResourcePrincipalsSigner(ResourcePrincipalsSignerOptions? options = null)
        : base(options?.TimeProvider)
    {
        options ??= new ResourcePrincipalsSignerOptions();
        Func<string, string?> environment = options.EnvironmentVariables;
        _observer = options.Observer;
        string version = Required(environment, VersionVariable);
        if (version != "2.2")
        {
            throw new OciAuthenticationException($"{VersionVariable} is '{version}'; OciRaw supports resource principals version 2.2.");
        }

        _token = new ValueOrFile(TokenVariable, Required(environment, TokenVariable));
        _privateKey = new ValueOrFile(PrivateKeyVariable, Required(environment, PrivateKeyVariable));
        _passPhrase = environment(PassPhraseVariable) is { Length: > 0 } passPhrase ? new ValueOrFile(PassPhraseVariable, passPhrase) : null;
        Region = environment(RegionVariable) is { Length: > 0 } region ? region.Trim() : null;
        _current = Load(TimeProvider.GetUtcNow());
    }

    /// <summary><c>OCI_RESOURCE_PRINCIPAL_REGION</c>, if set.</summary>
    public string? Region { get; }

    /// <summary>When the current token expires, if it says.</summary>
    public DateTimeOffset? ExpiresAt => _current.ExpiresAt;

    /// <summary>How many times the settings were read after construction.</summary>
    internal int ReadCount => _reader.ReadCount;

    /// <summary>
    /// The current token; the files are read again first when they changed or the token is due for a recheck. An
    /// expired token is still sent when nothing newer can be read: the service, not the client, decides.
    /// </summary>
    public override ValueTask<OciCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        Snapshot snapshot = _current;
        DateTimeOffset now = TimeProvider.GetUtcNow();
        (FileStamp, FileStamp) versions = Versions();
        if (now >= snapshot.RecheckAt || snapshot.Versions != versions)
        {
            bool valid = snapshot.ExpiresAt is not { } expires || now < expires;
            snapshot = _reader.Read(valid, versions, () => ReloadIfDue(now)) ?? snapshot;
        }

        return new ValueTask<OciCredentials>(snapshot.Credentials);
    }

    /// <inheritdoc />
    protected internal override ValueTask<bool> RefreshAfterUnauthorizedAsync(OciCredentials rejected, CancellationToken cancellationToken) =>
        new(!ReferenceEquals(_reader.Read(holdsValidToken: false, Versions(), () => Reload(TimeProvider.GetUtcNow()))!.Credentials, rejected));

    /// <inheritdoc />
    public override string ToString() => $"ResourcePrincipalsSigner {{ {_token}, {_privateKey}, Region = {Region}, ExpiresAt = {ExpiresAt:u} }}";

    /// <summary>Under the reader's gate: reads again unless another caller already did for this version and time.</summary>
    private Snapshot ReloadIfDue(DateTimeOffset now) =>
        now < _current.RecheckAt && _current.Versions == Versions() ? _current : Reload(now);

    /// <summary>Under the reader's gate: reads the settings; the same token and key keep their credentials object.</summary>
    private Snapshot Reload(DateTimeOffset now)
    {
        Snapshot current = _current;
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        Snapshot reloaded = Load(now);
        // Keep the same credentials object when nothing changed, so a 401 with an unchanged token is not retried.
        bool unchanged = reloaded.Token == current.Token && reloaded.KeyHash == current.KeyHash;
        _current = unchanged ? current with { Versions = reloaded.Versions, RecheckAt = reloaded.RecheckAt } : reloaded;
        if (!unchanged)
        {
            OciTelemetry.TokenRefreshes.Add(1, new KeyValuePair<string, object?>("oci.signer", "resource_principal"));
            _observer?.OnTokenRefresh(new OciTokenRefreshRecord("resource_principal", System.Diagnostics.Stopwatch.GetElapsedTime(started)) { ExpiresAt = reloaded.ExpiresAt });
        }

        return _current;
    }

    private Snapshot Load(DateTimeOffset now)
    {
        (FileStamp, FileStamp) versions = Versions();
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
        // Due for a recheck at the token's refresh time, and from then on every RecheckInterval.
        DateTimeOffset recheckAt = claims.ExpiresAt is { } expires
            ? Max(TokenRefreshTiming.RefreshAt(claims.IssuedAt ?? now, expires), now + RecheckInterval)
            : DateTimeOffset.MaxValue;
        return new Snapshot(token, keyHash, new OciCredentials("ST$" + token, key), claims.ExpiresAt, recheckAt, versions);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private (FileStamp, FileStamp) Versions() => (_token.Version, _privateKey.Version);

    private static string Required(Func<string, string?> environment, string name) =>
        environment(name) is { } value && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : throw new OciAuthenticationException($"{name} is not set; resource principals need {VersionVariable}=2.2, {TokenVariable} and {PrivateKeyVariable}.");

    private sealed record Snapshot(
        string Token, string KeyHash, OciCredentials Credentials, DateTimeOffset? ExpiresAt, DateTimeOffset RecheckAt, (FileStamp, FileStamp) Versions)
    {
        public override string ToString() => $"Snapshot {{ ExpiresAt = {ExpiresAt:u} }}";
    }
}
