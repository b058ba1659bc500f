namespace OciRaw;

/// <summary>
/// Signs with a session token from <c>oci session authenticate</c>: keyId <c>ST$&lt;token&gt;</c> and the profile's key.
/// The token file is re-read whenever it changes, so an external <c>oci session refresh</c> is picked up, and once
/// more when a request is answered 401. A re-read that fails (the file caught between the truncate and the write of a
/// rewrite in place) keeps the current token while it is valid, and the file is read again on the next request.
/// </summary>
public sealed class SessionTokenSigner : OciSigner
{
    private const string TokenKeyIdPrefix = "ST$";

    private readonly string _tokenFile;
    private readonly RsaKeyPool _key;
    private readonly TokenFileReader _reader = new();
    private volatile Snapshot _current;

    /// <summary>Reads the token file (trimmed) and the private key.</summary>
    /// <param name="securityTokenFile">The token file (<c>~</c> is expanded).</param>
    /// <param name="privateKeyFile">The key the token is bound to (<c>~</c> is expanded).</param>
    /// <param name="passPhrase">The key's pass phrase, if it is encrypted.</param>
    /// <param name="options">The clock that decides expiry and stamps the <c>date</c> header; null: the defaults.</param>
    /// <exception cref="OciKeyException">The key cannot be read or decrypted.</exception>
    /// <exception cref="OciAuthenticationException">The token file is missing, empty or unreadable.</exception>
    public SessionTokenSigner(string securityTokenFile, string privateKeyFile, string? passPhrase = null, OciSignerOptions? options = null)
        : base(options?.TimeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(securityTokenFile);
        ArgumentException.ThrowIfNullOrWhiteSpace(privateKeyFile);
        _tokenFile = PathExpansion.ExpandHome(securityTokenFile);
        _key = new RsaKeyPool(PrivateKeyReader.ReadFile(PathExpansion.ExpandHome(privateKeyFile), passPhrase));
        _current = ReadToken(FileStamp.Of(_tokenFile));
    }

    /// <summary>The token file being followed.</summary>
    public string SecurityTokenFile => _tokenFile;

    /// <summary>When the current token expires (its <c>exp</c> claim), if it says.</summary>
    public DateTimeOffset? ExpiresAt => _current.ExpiresAt;

    /// <summary>How many times the token file was read after construction.</summary>
    internal int ReadCount => _reader.ReadCount;

    /// <inheritdoc />
    public override ValueTask<OciCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        Snapshot snapshot = _current;
        FileStamp stamp = FileStamp.Of(_tokenFile);
        if (stamp != snapshot.Stamp)
        {
            snapshot = _reader.Read(IsValid(snapshot), stamp, ReloadIfChanged) ?? snapshot;
        }

        if (!IsValid(snapshot))
        {
            throw new OciAuthenticationException(
                $"The session token in '{_tokenFile}' expired at {snapshot.ExpiresAt:u}. Refresh it with 'oci session refresh' (or authenticate again with 'oci session authenticate').");
        }

        return new ValueTask<OciCredentials>(snapshot.Credentials);
    }

    /// <inheritdoc />
    protected internal override ValueTask<bool> RefreshAfterUnauthorizedAsync(OciCredentials rejected, CancellationToken cancellationToken)
    {
        // The rejected token is no longer valid, so a read that fails is the caller's error; only a token that changed
        // on disk is worth a retry, since the same token would be rejected again.
        Snapshot reloaded = _reader.Read(holdsValidToken: false, FileStamp.Of(_tokenFile), Reload)!;
        return new ValueTask<bool>(!ReferenceEquals(reloaded.Credentials, rejected));
    }

    /// <inheritdoc />
    public override string ToString() => $"SessionTokenSigner {{ SecurityTokenFile = {_tokenFile}, ExpiresAt = {ExpiresAt:u} }}";

    private bool IsValid(Snapshot snapshot) => snapshot.ExpiresAt is not { } expires || TimeProvider.GetUtcNow() < expires;

    /// <summary>Under the reader's gate: reads the file unless another caller already read this version of it.</summary>
    private Snapshot ReloadIfChanged() => FileStamp.Of(_tokenFile) == _current.Stamp ? _current : Reload();

    /// <summary>Under the reader's gate: reads the file; the same token keeps its credentials object (a 401 on it is final).</summary>
    private Snapshot Reload()
    {
        Snapshot current = _current;
        Snapshot read = ReadToken(FileStamp.Of(_tokenFile));
        _current = read.Token == current.Token ? current with { Stamp = read.Stamp } : read;
        return _current;
    }

    /// <summary>The token as of <paramref name="stamp"/>, taken before the read: a change during the read shows as a newer stamp later.</summary>
    private Snapshot ReadToken(FileStamp stamp)
    {
        string token = SecretFile.ReadTrimmed(_tokenFile, problem => $"The security token file '{_tokenFile}' {problem}");
        // The token travels in every Authorization header: anything but a JWT (a key pasted into the wrong file, or
        // half of a token being written) must never be sent.
        JwtClaims claims = JwtClaims.TryRead(token)
            ?? throw new OciAuthenticationException($"The security token file '{_tokenFile}' does not hold a session token (a JWT: three base64url parts joined by dots).");
        return new Snapshot(token, new OciCredentials(TokenKeyIdPrefix + token, _key), claims.ExpiresAt, stamp);
    }

    /// <summary>Token and credentials, swapped as one so that keyId and key always belong together.</summary>
    private sealed record Snapshot(string Token, OciCredentials Credentials, DateTimeOffset? ExpiresAt, FileStamp Stamp)
    {
        public override string ToString() => $"Snapshot {{ ExpiresAt = {ExpiresAt:u} }}";
    }
}
