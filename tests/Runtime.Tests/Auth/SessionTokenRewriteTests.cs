namespace OciRaw.Tests.Auth;

/// <summary>
/// <c>oci session refresh</c> rewrites the token file in place. A caller holding a valid token never sees the file
/// caught empty or half written; only a caller whose token has expired does.
/// </summary>
public sealed class SessionTokenRewriteTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly string _keyFile;

    public SessionTokenRewriteTests() =>
        _keyFile = _folder.Write("key.pem", File.ReadAllText(VectorFiles.KeyPath(VectorFiles.TestKey)), UnixFileMode.UserRead | UnixFileMode.UserWrite);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Twenty_workers_through_25_in_place_rewrites_see_no_error_and_follow_every_token()
    {
        string[] written = [.. Enumerable.Range(0, 26).Select(Token)];
        string tokenFile = _folder.Write("token", written[0]);
        var signer = new SessionTokenSigner(tokenFile, _keyFile, options: new OciSignerOptions { TimeProvider = _clock });

        await using (var run = new TokenFileRewrites(signer, workers: 20))
        {
            for (int i = 1; i <= 25; i++)
            {
                await run.RewriteInPlaceAsync(tokenFile, written[i], callsWhileEmpty: 200);
                await TokenFileRewrites.WaitUntilAsync(() => signer.GetCredentialsAsync().AsTask().Result.KeyId == "ST$" + written[i], $"token {i} to be picked up");
                await run.LetWorkersRunAsync(calls: 40);
                _clock.Advance(TimeSpan.FromSeconds(10));
            }

            Assert.Empty(run.ErrorMessages);
            Assert.True(run.Served >= 25 * 200, $"served {run.Served}");
            // Every token written was used, and nothing else (no empty or half-written file became a keyId).
            Assert.Equal(written.Select(t => "ST$" + t).ToHashSet(), run.KeyIdsSeen.Keys.ToHashSet());
        }

        // A few reads per rewrite (the empty file, then the token; how often a worker catches the file between the two
        // depends on scheduling, and a loaded machine sees 4 or more), never one per request while the file is empty:
        // 200 calls hit each empty file, so reading per request would be 5,000 reads or more.
        Assert.InRange(signer.ReadCount, 25, 25 * 10);
    }

    [Fact]
    public async Task A_caller_whose_token_expired_gets_the_read_error_of_a_file_caught_empty()
    {
        string tokenFile = _folder.Write("token", Token(0));
        var signer = new SessionTokenSigner(tokenFile, _keyFile, options: new OciSignerOptions { TimeProvider = _clock });
        _clock.Advance(TimeSpan.FromHours(2)); // past the token's exp

        await using (new FileStream(tokenFile, FileMode.Truncate, FileAccess.Write, FileShare.ReadWrite))
        {
            var error = await Assert.ThrowsAsync<OciAuthenticationException>(() => signer.GetCredentialsAsync().AsTask());
            Assert.Contains($"'{tokenFile}' is empty", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_valid_token_is_kept_while_the_file_holds_something_that_is_not_a_token_and_replaced_once_it_does()
    {
        string tokenFile = _folder.Write("token", Token(0));
        var signer = new SessionTokenSigner(tokenFile, _keyFile, options: new OciSignerOptions { TimeProvider = _clock });
        OciCredentials held = await signer.GetCredentialsAsync();
        string next = Token(1);

        await File.WriteAllTextAsync(tokenFile, "eyJhbGciOi"); // half a token
        OciCredentials whileHalf = await signer.GetCredentialsAsync();
        OciCredentials stillWhileHalf = await signer.GetCredentialsAsync();
        await File.WriteAllTextAsync(tokenFile, next);
        OciCredentials after = await signer.GetCredentialsAsync();

        Assert.Same(held, whileHalf);
        Assert.Same(held, stillWhileHalf);
        Assert.Equal(2, signer.ReadCount); // the half token once (not again while it is unchanged), then the new one
        Assert.Equal("ST$" + next, after.KeyId);
    }

    private string Token(int number) => TestJwt.Create(_clock.GetUtcNow().AddHours(1), $"rewrite-{number}");
}
