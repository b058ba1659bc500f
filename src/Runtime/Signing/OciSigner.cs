namespace OciRaw;

/// <summary>
/// Signs OCI requests. A signer hands out an immutable <see cref="OciCredentials"/> snapshot (keyId + key) per
/// request; API-key signers always return the same one, token signers refresh it. One signer is safe to share across
/// threads and is meant to live as long as the application.
/// </summary>
/// <remarks>
/// Whoever creates a signer owns it and disposes it when done (<c>using var signer = OciSigner.FromConfig(config);</c>):
/// instance principals hold an <see cref="HttpClient"/> and a background refresh, and disposing them is how they end;
/// for the other signers disposing does nothing. <see cref="OciSigningHandler"/> never disposes its signer, because
/// one signer is meant to serve many clients.
/// </remarks>
public abstract class OciSigner : IDisposable, IAsyncDisposable
{
    /// <summary>A signer on the system clock.</summary>
    protected OciSigner()
        : this(null)
    {
    }

    /// <summary>A signer on <paramref name="timeProvider"/> (null: the system clock); see <see cref="OciSignerOptions.TimeProvider"/>.</summary>
    protected OciSigner(TimeProvider? timeProvider) => TimeProvider = timeProvider ?? TimeProvider.System;

    /// <summary>The clock that stamps the <c>date</c> header and, for token signers, decides refresh and expiry.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The keyId and key to sign the next request with.</summary>
    public abstract ValueTask<OciCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Signs <paramref name="request"/> in place: adds <c>date</c> (unless the request has <c>date</c> or <c>x-date</c>),
    /// the body headers for POST/PUT/PATCH, and <c>Authorization</c>. Signing the same message again (a retry)
    /// replaces what an earlier signing added, with a fresh date.
    /// </summary>
    /// <exception cref="NotSupportedException">The method is not GET, HEAD, DELETE, POST, PUT or PATCH.</exception>
    /// <exception cref="ArgumentException">The request URI is not absolute.</exception>
    public async Task<OciSignature> SignAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (await SignWithCredentialsAsync(request, cancellationToken).ConfigureAwait(false)).Signature;
    }

    /// <summary>
    /// Called by <see cref="OciSigningHandler"/> when a request signed with <paramref name="rejected"/> was answered
    /// 401. A token-based signer refreshes its credentials and returns true when a retry can succeed; API-key signers
    /// return false (the same key would be rejected again), so they are never retried.
    /// </summary>
    protected internal virtual ValueTask<bool> RefreshAfterUnauthorizedAsync(OciCredentials rejected, CancellationToken cancellationToken) =>
        new(false);

    /// <summary>Adds headers this signer sends with every request (a delegation token, say) before it is signed.</summary>
    protected virtual ValueTask PrepareRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken) => default;

    internal async Task<(OciSignature Signature, OciCredentials Credentials)> SignWithCredentialsAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await PrepareRequestAsync(request, cancellationToken).ConfigureAwait(false);
        OciCredentials credentials = await GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        OciSignature signature = await OciRequestSigner.SignAsync(request, credentials, TimeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return (signature, credentials);
    }

    /// <summary>Ends what the signer runs or holds (for instance principals: the background refresh and its HTTP client).</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>As <see cref="Dispose()"/>; waits for nothing, since a refresh in flight is cancelled, not awaited.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
        return default;
    }

    /// <summary>Releases what a derived signer holds; the base holds nothing.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>; false from a finalizer.</param>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>
    /// The signer a config profile describes: <see cref="InstancePrincipalsSigner"/> or
    /// <see cref="ResourcePrincipalsSigner"/> for <c>authentication_type = instance_principal | resource_principal</c>
    /// (with <c>delegation_token_file</c>, as Cloud Shell writes), a <see cref="SessionTokenSigner"/> when it has
    /// <c>security_token_file</c>, else an <see cref="ApiKeySigner"/> from <c>user</c>, <c>fingerprint</c>,
    /// <c>key_file</c> and <c>pass_phrase</c>. Problems with the key or token are reported as an
    /// <see cref="OciConfigException"/> that names the profile and the line of the key that is wrong. The caller owns
    /// the signer and disposes it (see <see cref="OciSigner"/>).
    /// </summary>
    public static OciSigner FromConfig(OciConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        switch (config[OciConfigKeys.AuthenticationType])
        {
            case "instance_principal":
                // Cloud Shell's profile: the instance's identity, acting on behalf of the user through a delegation token.
                return new InstancePrincipalsSigner(new InstancePrincipalsSignerOptions { DelegationTokenFile = config.DelegationTokenFile });
            case "resource_principal":
                return new ResourcePrincipalsSigner();
        }

        if (config.SecurityTokenFile is { } tokenFile)
        {
            return FromSessionTokenProfile(config, tokenFile);
        }

        try
        {
            return new ApiKeySigner(config.Tenancy!, config.User!, config.Fingerprint!, config.KeyFile!, config.PassPhrase);
        }
        catch (OciKeyException e)
        {
            string key = e.Error switch
            {
                OciKeyError.FingerprintMismatch => OciConfigKeys.Fingerprint,
                OciKeyError.WrongPassPhrase => config[OciConfigKeys.PassPhrase] is not null ? OciConfigKeys.PassPhrase : OciConfigKeys.PassPhraseAlias,
                _ => OciConfigKeys.KeyFile,
            };
            throw config.Problem(key, e.Message, e);
        }
    }

    private static SessionTokenSigner FromSessionTokenProfile(OciConfig config, string tokenFile)
    {
        try
        {
            return new SessionTokenSigner(tokenFile, config.KeyFile!, config.PassPhrase);
        }
        catch (OciKeyException e)
        {
            throw config.Problem(OciConfigKeys.KeyFile, e.Message, e);
        }
        catch (OciAuthenticationException e)
        {
            throw config.Problem(OciConfigKeys.SecurityTokenFile, e.Message, e);
        }
    }
}
