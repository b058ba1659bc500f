using System.Security.Cryptography;

namespace OciRaw;

/// <summary>
/// Signs as the compute instance it runs on (OCI instance principals): the instance's certificate from the metadata
/// service is exchanged for a session token bound to a fresh RSA key, and requests are signed with keyId
/// <c>ST$&lt;token&gt;</c> and that key. The token is refreshed before it expires (margin: the larger of 60 s and 10%
/// of its lifetime) and once more when a request is answered 401; concurrent callers share one refresh. Dispose it
/// when the application ends.
/// </summary>
public sealed class InstancePrincipalsSigner : OciSigner, IDisposable
{
    private const string DelegationTokenHeader = "opc-obo-token";
    private static readonly TimeSpan MinimumRefreshMargin = TimeSpan.FromSeconds(60);

    private readonly InstancePrincipalsOptions _options;
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private InstanceMetadataClient? _metadata;
    private FederationClient? _federation;
    private readonly Uri _metadataBaseAddress;
    private readonly string? _delegationTokenFile;
    private volatile TokenSnapshot? _current;
    private string? _tenancyId;

    /// <summary>Creates the signer; nothing is fetched until the first request (or <see cref="RefreshSecurityTokenAsync"/>).</summary>
    public InstancePrincipalsSigner(InstancePrincipalsOptions? options = null)
    {
        _options = options ?? new InstancePrincipalsOptions();
        _http = _options.HttpHandler is { } handler ? new HttpClient(handler, disposeHandler: false) : new HttpClient();
        _http.Timeout = Timeout.InfiniteTimeSpan; // each attempt has its own timeout (InstancePrincipalsOptions.RequestTimeout)
        _metadataBaseAddress = WithTrailingSlash(_options.MetadataBaseAddress
            ?? FromEnvironment(InstancePrincipalsOptions.MetadataBaseUrlVariable)
            ?? InstancePrincipalsOptions.DefaultMetadataBaseAddress);
        _delegationTokenFile = _options.DelegationTokenFile is { } file ? PathExpansion.ExpandHome(file) : null;
    }

    /// <summary>The metadata service base address in use.</summary>
    public Uri MetadataBaseAddress => _metadataBaseAddress;

    /// <summary>The tenancy of the instance, once the first token was obtained.</summary>
    public string? TenancyId => _tenancyId;

    /// <summary>When the current token expires; null before the first one.</summary>
    public DateTimeOffset? ExpiresAt => _current?.ExpiresAt;

    /// <inheritdoc />
    public override async ValueTask<OciCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        TokenSnapshot? snapshot = _current;
        if (snapshot is not null && TimeProvider.GetUtcNow() < snapshot.RefreshAt)
        {
            return snapshot.Credentials;
        }

        return (await RefreshAsync(stale: snapshot, force: false, cancellationToken).ConfigureAwait(false)).Credentials;
    }

    /// <summary>Gets a new token now, whatever the current one's expiry (the Python SDK's <c>refresh_security_token()</c>).</summary>
    public async Task RefreshSecurityTokenAsync(CancellationToken cancellationToken = default) =>
        await RefreshAsync(stale: _current, force: true, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    protected internal override async ValueTask<bool> RefreshAfterUnauthorizedAsync(OciCredentials rejected, CancellationToken cancellationToken)
    {
        TokenSnapshot? current = _current;
        if (current is not null && !ReferenceEquals(current.Credentials, rejected))
        {
            return true; // another caller already replaced the rejected token
        }

        await RefreshAsync(stale: current, force: true, cancellationToken).ConfigureAwait(false);
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
    public void Dispose()
    {
        _http.Dispose();
        _refreshGate.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"InstancePrincipalsSigner {{ MetadataBaseAddress = {_metadataBaseAddress}, TenancyId = {_tenancyId}, ExpiresAt = {ExpiresAt:u} }}";

    /// <summary>Single flight: the first caller refreshes; the others wait and take its result.</summary>
    private async Task<TokenSnapshot> RefreshAsync(TokenSnapshot? stale, bool force, CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            TokenSnapshot? current = _current;
            if (current is not null && !ReferenceEquals(current, stale) && (force || TimeProvider.GetUtcNow() < current.RefreshAt))
            {
                return current; // refreshed by another caller while this one waited
            }

            try
            {
                _current = await FetchTokenAsync(cancellationToken).ConfigureAwait(false);
                OciTelemetry.TokenRefreshes.Add(1, new KeyValuePair<string, object?>("oci.signer", "instance_principal"));
                return _current;
            }
            catch (OciAuthenticationException) when (!force && current is not null && TimeProvider.GetUtcNow() < current.ExpiresAt)
            {
                // An early refresh failed but the token still works: use it, and try again on the next request.
                return current;
            }
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    /// <summary>The refresh procedure of the OCI SDKs: new session key, leaf + key, tenancy check, intermediate, federation.</summary>
    private async Task<TokenSnapshot> FetchTokenAsync(CancellationToken cancellationToken)
    {
        // Created here, under the refresh gate, so that they use the clock set with 'TimeProvider = ...' after construction.
        var retry = new TransientRetry(_options, TimeProvider);
        _metadata ??= new InstanceMetadataClient(_http, _metadataBaseAddress, retry);
        _federation ??= new FederationClient(_http, retry, TimeProvider);

        using RSA sessionKey = RSA.Create(2048);
        LeafCertificate leaf = await _metadata.GetLeafAsync(cancellationToken).ConfigureAwait(false);
        if (_tenancyId is not null && leaf.TenancyId != _tenancyId)
        {
            throw new OciAuthenticationException(
                $"The instance's certificate now names tenancy {leaf.TenancyId}, but this signer started in tenancy {_tenancyId}; a tenancy never changes, so the certificate is refused.");
        }

        string intermediate = await _metadata.GetIntermediateAsync(cancellationToken).ConfigureAwait(false);
        Uri endpoint = await FederationEndpointAsync(_metadata, cancellationToken).ConfigureAwait(false);
        string token = await _federation.RequestTokenAsync(endpoint, leaf, intermediate, sessionKey.ExportSubjectPublicKeyInfo(), cancellationToken).ConfigureAwait(false);
        _tenancyId = leaf.TenancyId;

        JwtClaims claims = JwtClaims.TryRead(token)!.Value;
        DateTimeOffset now = TimeProvider.GetUtcNow();
        DateTimeOffset expires = claims.ExpiresAt!.Value;
        TimeSpan lifetime = expires - (claims.IssuedAt ?? now);
        TimeSpan margin = TimeSpan.FromTicks(Math.Max(MinimumRefreshMargin.Ticks, lifetime.Ticks / 10));
        return new TokenSnapshot(new OciCredentials("ST$" + token, sessionKey), expires, expires - margin);
    }

    private async Task<Uri> FederationEndpointAsync(InstanceMetadataClient metadata, CancellationToken cancellationToken)
    {
        if (_options.FederationEndpoint is { } configured)
        {
            return configured;
        }

        if (FromEnvironment(InstancePrincipalsOptions.FederationUrlVariable) is { } host)
        {
            return new Uri(WithTrailingSlash(host), "v1/x509");
        }

        (string region, string domain) = await metadata.GetRegionInfoAsync(cancellationToken).ConfigureAwait(false);
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
