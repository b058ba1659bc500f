using System.Security.Cryptography;

namespace OciRaw;

/// <summary>
/// Signs as the compute instance it runs on (OCI instance principals): the instance's certificate from the metadata
/// service is exchanged for a session token bound to a fresh RSA key, and requests are signed with keyId
/// <c>ST$&lt;token&gt;</c> and that key. One token serves every caller until its refresh time (see docs/auth.md); from
/// then on one refresh runs in the background while the token keeps serving, and a failed one is tried again after a
/// backoff. Callers wait only when there is no valid token: before the first, after expiry, or after a 401. Dispose it
/// when the application ends.
/// </summary>
public sealed class InstancePrincipalsSigner : OciSigner
{
    private const string DelegationTokenHeader = "opc-obo-token";
    private const string SignerKind = "instance_principal";

    private readonly InstancePrincipalsSignerOptions _options;
    private readonly HttpClient _http;
    private readonly InstanceMetadataClient _metadata;
    private readonly FederationClient _federation;
    private readonly Uri _metadataBaseAddress;
    private readonly string? _delegationTokenFile;
    private readonly CancellationTokenSource _disposed = new();
    private readonly object _gate = new();
    private volatile TokenSnapshot? _current;
    private volatile string? _tenancyId;

    // Under _gate: the one refresh in flight, and the backoff after failed refreshes.
    private Task<TokenSnapshot>? _refresh;
    private int _failedRefreshes;
    private DateTimeOffset _nextBackgroundRefresh;

    /// <summary>Creates the signer; nothing is fetched until the first request (or <see cref="RefreshSecurityTokenAsync"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A timeout, delay or attempt count in <paramref name="options"/> is out of range.</exception>
    public InstancePrincipalsSigner(InstancePrincipalsSignerOptions? options = null)
        : base(options?.TimeProvider)
    {
        _options = options ?? new InstancePrincipalsSignerOptions();
        _options.Validate();
        _http = _options.Transport is { } transport ? new HttpClient(transport, disposeHandler: false) : new HttpClient();
        _http.Timeout = Timeout.InfiniteTimeSpan; // each attempt has its own timeout (RequestTimeout)
        _metadataBaseAddress = WithTrailingSlash(_options.MetadataBaseAddress
            ?? FromEnvironment(InstancePrincipalsSignerOptions.MetadataBaseUrlVariable)
            ?? InstancePrincipalsSignerOptions.DefaultMetadataBaseAddress);
        _delegationTokenFile = _options.DelegationTokenFile is { } file ? PathExpansion.ExpandHome(file) : null;
        var retry = new TransientRetry(_options);
        _metadata = new InstanceMetadataClient(_http, _metadataBaseAddress, retry);
        _federation = new FederationClient(_http, retry, TimeProvider);
    }

    /// <summary>The metadata service base address in use.</summary>
    public Uri MetadataBaseAddress => _metadataBaseAddress;

    /// <summary>The tenancy of the instance, once the first token was obtained.</summary>
    public string? TenancyId => _tenancyId;

    /// <summary>When the current token expires; null before the first one.</summary>
    public DateTimeOffset? ExpiresAt => _current?.ExpiresAt;

    /// <summary>The refresh in flight, if any: lets tests in this assembly's test project wait for a background refresh.</summary>
    internal Task? RefreshInFlight
    {
        get
        {
            lock (_gate)
            {
                return _refresh;
            }
        }
    }

    /// <inheritdoc />
    public override async ValueTask<OciCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        TokenSnapshot? snapshot = _current;
        DateTimeOffset now = TimeProvider.GetUtcNow();
        if (snapshot is not null && now < snapshot.ExpiresAt)
        {
            if (now >= snapshot.RefreshAt)
            {
                StartBackgroundRefresh(now);
            }

            return snapshot.Credentials;
        }

        // No token yet, or it expired: nothing valid to sign with, so this caller waits for the shared refresh.
        return (await JoinRefreshAsync(stale: snapshot, cancellationToken).ConfigureAwait(false)).Credentials;
    }

    /// <summary>
    /// Gets a new token now, whatever the current one's expiry (the Python SDK's <c>refresh_security_token()</c>);
    /// joins a refresh already in flight instead of starting a second one.
    /// </summary>
    public async Task RefreshSecurityTokenAsync(CancellationToken cancellationToken = default) =>
        await JoinRefreshAsync(stale: _current, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    protected internal override async ValueTask<bool> RefreshAfterUnauthorizedAsync(OciCredentials rejected, CancellationToken cancellationToken)
    {
        TokenSnapshot? current = _current;
        if (current is not null && !ReferenceEquals(current.Credentials, rejected))
        {
            return true; // another caller already replaced the rejected token
        }

        await JoinRefreshAsync(stale: current, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Sends the delegation token (Cloud Shell's on-behalf-of token) as <c>opc-obo-token</c>, which is then signed.</summary>
    protected override async ValueTask PrepareRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_delegationTokenFile is null || request.Headers.NonValidated.Contains(DelegationTokenHeader))
        {
            return;
        }

        string token;
        try
        {
            token = (await File.ReadAllTextAsync(_delegationTokenFile, cancellationToken).ConfigureAwait(false)).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OciAuthenticationException($"The delegation token file '{_delegationTokenFile}' cannot be read: {e.Message}", e);
        }

        if (token.Length == 0)
        {
            throw new OciAuthenticationException($"The delegation token file '{_delegationTokenFile}' is empty.");
        }

        request.Headers.TryAddWithoutValidation(DelegationTokenHeader, token);
    }

    /// <inheritdoc />
    public override string ToString() => $"InstancePrincipalsSigner {{ MetadataBaseAddress = {_metadataBaseAddress}, TenancyId = {_tenancyId}, ExpiresAt = {ExpiresAt:u} }}";

    /// <summary>Cancels a refresh in flight and releases the HTTP client (not a <see cref="InstancePrincipalsSignerOptions.Transport"/> given in options).</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed.IsCancellationRequested)
        {
            _disposed.Cancel();
            _http.Dispose(); // the token source is left undisposed: it has no timer, and a refresh still running reads it
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// Past the refresh time the token still works: start one refresh in the background (unless one runs, or the last
    /// one failed less than a backoff ago) and let the caller go on with the current token.
    /// </summary>
    private void StartBackgroundRefresh(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_refresh is null && now >= _nextBackgroundRefresh && !_disposed.IsCancellationRequested)
            {
                _refresh = StartRefresh();
            }
        }
    }

    /// <summary>
    /// Single flight for callers that need a new token: join the refresh in flight, or start one; a token that another
    /// caller got while this one arrived is taken as it is.
    /// </summary>
    private Task<TokenSnapshot> JoinRefreshAsync(TokenSnapshot? stale, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        Task<TokenSnapshot> refresh;
        lock (_gate)
        {
            TokenSnapshot? current = _current;
            if (current is not null && !ReferenceEquals(current, stale) && TimeProvider.GetUtcNow() < current.ExpiresAt)
            {
                return Task.FromResult(current);
            }

            refresh = _refresh ??= StartRefresh();
        }

        // A caller that gives up stops waiting; the refresh goes on for the others.
        return refresh.WaitAsync(cancellationToken);
    }

    /// <summary>Runs one refresh on the thread pool (never under the gate: it makes a key and calls the network). Called under _gate.</summary>
    private Task<TokenSnapshot> StartRefresh()
    {
        Task<TokenSnapshot> refresh = Task.Run(RefreshAsync);
        // A background refresh that fails has no one awaiting it; its error is recorded as a backoff, so observe it here.
        _ = refresh.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return refresh;
    }

    private async Task<TokenSnapshot> RefreshAsync()
    {
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            TokenSnapshot fresh = await FetchTokenAsync(_disposed.Token).ConfigureAwait(false);
            OciTelemetry.TokenRefreshes.Add(1, new KeyValuePair<string, object?>("oci.signer", SignerKind));
            _options.Observer?.OnTokenRefresh(new OciTokenRefreshRecord(SignerKind, System.Diagnostics.Stopwatch.GetElapsedTime(started)) { ExpiresAt = fresh.ExpiresAt });
            lock (_gate)
            {
                _current = fresh;
                _failedRefreshes = 0;
                _nextBackgroundRefresh = DateTimeOffset.MinValue;
                _refresh = null;
            }

            return fresh;
        }
        catch (Exception e)
        {
            _options.Observer?.OnTokenRefresh(new OciTokenRefreshRecord(SignerKind, System.Diagnostics.Stopwatch.GetElapsedTime(started)) { ErrorType = e.GetType().FullName });
            lock (_gate)
            {
                _failedRefreshes++;
                _nextBackgroundRefresh = TimeProvider.GetUtcNow() + TokenRefreshTiming.Backoff(_options.RetryBaseDelay, _failedRefreshes);
                _refresh = null;
            }

            throw;
        }
    }

    /// <summary>The refresh procedure of the OCI SDKs: new session key, leaf + key, tenancy check, intermediate, federation.</summary>
    private async Task<TokenSnapshot> FetchTokenAsync(CancellationToken cancellationToken)
    {
        using RSA sessionKey = RSA.Create(2048);
        LeafCertificate leaf = await _metadata.GetLeafAsync(cancellationToken).ConfigureAwait(false);
        if (_tenancyId is { } pinned && leaf.TenancyId != pinned)
        {
            throw new OciAuthenticationException(
                $"The instance's certificate now names tenancy {leaf.TenancyId}, but this signer started in tenancy {pinned}; a tenancy never changes, so the certificate is refused.");
        }

        string intermediate = await _metadata.GetIntermediateAsync(cancellationToken).ConfigureAwait(false);
        Uri endpoint = await FederationEndpointAsync(cancellationToken).ConfigureAwait(false);
        string token = await _federation.RequestTokenAsync(endpoint, leaf, intermediate, sessionKey.ExportSubjectPublicKeyInfo(), cancellationToken).ConfigureAwait(false);
        _tenancyId = leaf.TenancyId;

        JwtClaims claims = JwtClaims.TryRead(token)!.Value;
        DateTimeOffset expires = claims.ExpiresAt!.Value;
        DateTimeOffset refreshAt = TokenRefreshTiming.RefreshAt(claims.IssuedAt ?? TimeProvider.GetUtcNow(), expires);
        return new TokenSnapshot(new OciCredentials("ST$" + token, sessionKey), expires, refreshAt);
    }

    private async Task<Uri> FederationEndpointAsync(CancellationToken cancellationToken)
    {
        if (_options.FederationEndpoint is { } configured)
        {
            return configured;
        }

        if (FromEnvironment(InstancePrincipalsSignerOptions.FederationUrlVariable) is { } host)
        {
            return new Uri(WithTrailingSlash(host), "v1/x509");
        }

        (string region, string domain) = await _metadata.GetRegionInfoAsync(cancellationToken).ConfigureAwait(false);
        return new Uri($"https://auth.{region}.{domain}/v1/x509");
    }

    private static Uri? FromEnvironment(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { } value && !string.IsNullOrWhiteSpace(value)
            ? Uri.TryCreate(value.Trim(), UriKind.Absolute, out Uri? uri) ? uri : throw new OciAuthenticationException($"{variable} is not an absolute URL.")
            : null;

    private static Uri WithTrailingSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    /// <summary>The token and the key it is bound to, swapped as one; RefreshAt is when to get the next one.</summary>
    private sealed record TokenSnapshot(OciCredentials Credentials, DateTimeOffset ExpiresAt, DateTimeOffset RefreshAt)
    {
        public override string ToString() => $"TokenSnapshot {{ ExpiresAt = {ExpiresAt:u} }}";
    }
}
