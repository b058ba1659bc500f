namespace OciRaw;

/// <summary>
/// Signs with a session token from <c>oci session authenticate</c>: keyId <c>ST$&lt;token&gt;</c> and the profile's key.
/// The token file is re-read whenever it changes, so an external <c>oci session refresh</c> is picked up, and once
/// more when a request is answered 401.
/// </summary>
public sealed class SessionTokenSigner : OciSigner
{
    private const string TokenKeyIdPrefix = "ST$";

    private readonly string _tokenFile;
    private readonly RsaKeyPool _key;
    private readonly object _gate = new();
    private volatile Snapshot _current;

    /// <summary>Reads the token file (trimmed) and the private key.</summary>
    /// <exception cref="OciKeyException">The key cannot be read or decrypted.</exception>
    /// <exception cref="OciAuthenticationException">The token file is missing, empty or unreadable.</exception>
    public SessionTokenSigner(string securityTokenFile, string privateKeyFile, string? passPhrase = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(securityTokenFile);
        ArgumentException.ThrowIfNullOrWhiteSpace(privateKeyFile);
        _tokenFile = PathExpansion.ExpandHome(securityTokenFile);
        _key = new RsaKeyPool(PrivateKeyReader.ReadFile(PathExpansion.ExpandHome(privateKeyFile), passPhrase));
        _current = ReadToken();
    }

    /// <summary>The token file being followed.</summary>
    public string SecurityTokenFile => _tokenFile;

    /// <summary>When the current token expires (its <c>exp</c> claim), if it says.</summary>
    public DateTimeOffset? ExpiresAt => _current.ExpiresAt;

    /// <inheritdoc />
    public override ValueTask<OciCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        Snapshot snapshot = _current;
        if (File.GetLastWriteTimeUtc(_tokenFile) != snapshot.FileTime)
        {
            snapshot = Reload();
        }

        if (snapshot.ExpiresAt is { } expires && expires <= TimeProvider.GetUtcNow())
        {
            throw new OciAuthenticationException(
                $"The session token in '{_tokenFile}' expired at {expires:u}. Refresh it with 'oci session refresh' (or authenticate again with 'oci session authenticate').");
        }

        return new ValueTask<OciCredentials>(snapshot.Credentials);
    }

    /// <inheritdoc />
    protected internal override ValueTask<bool> RefreshAfterUnauthorizedAsync(OciCredentials rejected, CancellationToken cancellationToken)
    {
        // Only a token that changed on disk is worth a retry; the same token would be rejected again.
        return new ValueTask<bool>(!ReferenceEquals(Reload().Credentials, rejected));
    }

    /// <inheritdoc />
    public override string ToString() => $"SessionTokenSigner {{ SecurityTokenFile = {_tokenFile}, ExpiresAt = {ExpiresAt:u} }}";

    private Snapshot Reload()
    {
        lock (_gate)
        {
            if (File.GetLastWriteTimeUtc(_tokenFile) != _current.FileTime || _current.Token != ReadTokenText())
            {
                _current = ReadToken();
            }

            return _current;
        }
    }

    private Snapshot ReadToken()
    {
        DateTime fileTime = File.GetLastWriteTimeUtc(_tokenFile);
        string token = ReadTokenText();
        // The token travels in every Authorization header: anything but a JWT (a key pasted into the wrong file, say)
        // must never be sent.
        JwtClaims claims = JwtClaims.TryRead(token)
            ?? throw new OciAuthenticationException($"The security token file '{_tokenFile}' does not hold a session token (a JWT: three base64url parts joined by dots).");
        return new Snapshot(token, new OciCredentials(TokenKeyIdPrefix + token, _key), claims.ExpiresAt, fileTime);
    }

    private string ReadTokenText() => SecretFile.ReadTrimmed(_tokenFile, problem => $"The security token file '{_tokenFile}' {problem}");

    /// <summary>Token and credentials, swapped as one so that keyId and key always belong together.</summary>
    private sealed record Snapshot(string Token, OciCredentials Credentials, DateTimeOffset? ExpiresAt, DateTime FileTime)
    {
        public override string ToString() => $"Snapshot {{ ExpiresAt = {ExpiresAt:u} }}";
    }
}
