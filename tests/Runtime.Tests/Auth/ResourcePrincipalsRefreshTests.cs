namespace OciRaw.Tests.Auth;

/// <summary>
/// Resource-principal tokens are refreshed by the platform rewriting the files the variables point to; the signer
/// follows them without reading per request and without failing a caller while its token is valid.
/// </summary>
public sealed class ResourcePrincipalsRefreshTests : IDisposable
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    private readonly TempDirectory _folder = new();
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly Dictionary<string, string?> _environment = new()
    {
        [ResourcePrincipalsSigner.VersionVariable] = "2.2",
    };

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Twenty_workers_follow_15_s_tokens_rewritten_in_place_every_10_s_without_errors_or_a_read_per_request()
    {
        string[] written = [.. Enumerable.Range(0, 5).Select(i => Token(issuedSecond: 10 * i, lifetimeSeconds: 15))];
        string tokenFile = _folder.Write("rpst", written[0]);
        _environment[ResourcePrincipalsSigner.TokenVariable] = tokenFile;
        _environment[ResourcePrincipalsSigner.PrivateKeyVariable] = _folder.Write("key.pem", File.ReadAllText(VectorFiles.KeyPath(VectorFiles.TestKey)));
        var signer = new ResourcePrincipalsSigner(Options());

        int served;
        await using (var run = new TokenFileRewrites(signer, workers: 20))
        {
            for (int second = 1; second <= 40; second++)
            {
                _clock.Advance(TimeSpan.FromSeconds(1));
                if (second % 10 == 0)
                {
                    string next = written[second / 10];
                    await run.RewriteInPlaceAsync(tokenFile, next, callsWhileEmpty: 100);
                    await TokenFileRewrites.WaitUntilAsync(() => signer.GetCredentialsAsync().AsTask().Result.KeyId == "ST$" + next, $"token {second / 10}");
                }

                await run.LetWorkersRunAsync(calls: 40);
            }

            served = run.Served;
            Assert.Empty(run.ErrorMessages);
            Assert.Equal(written.Select(t => "ST$" + t).ToHashSet(), run.KeyIdsSeen.Keys.ToHashSet());
        }

        // Per token: a recheck at its refresh time (7.5 s, half its life), then the empty file and the new token.
        Assert.InRange(signer.ReadCount, 8, 40);
        Assert.True(served > 40 * 40, $"served {served}");
    }

    [Fact]
    public async Task A_token_given_as_a_value_is_rechecked_every_5_s_from_its_refresh_time_not_per_request()
    {
        _environment[ResourcePrincipalsSigner.TokenVariable] = Token(issuedSecond: 0, lifetimeSeconds: 15);
        _environment[ResourcePrincipalsSigner.PrivateKeyVariable] = File.ReadAllText(VectorFiles.KeyPath(VectorFiles.TestKey));
        var signer = new ResourcePrincipalsSigner(Options());
        OciCredentials first = await signer.GetCredentialsAsync();

        int ReadsAfterCalls(int seconds)
        {
            _clock.Advance(TimeSpan.FromSeconds(seconds));
            for (int i = 0; i < 100; i++)
            {
                Assert.Same(first, signer.GetCredentialsAsync().AsTask().Result);
            }

            return signer.ReadCount;
        }

        Assert.Equal(0, ReadsAfterCalls(7)); // before the refresh time (7.5 s)
        Assert.Equal(1, ReadsAfterCalls(1)); // at 8 s: one recheck, same token
        Assert.Equal(1, ReadsAfterCalls(4)); // 12 s: within 5 s of it
        Assert.Equal(2, ReadsAfterCalls(1)); // 13 s: the next recheck
    }

    private ResourcePrincipalsSignerOptions Options() => new()
    {
        EnvironmentVariables = name => _environment.GetValueOrDefault(name),
        TimeProvider = _clock,
    };

    private static string Token(int issuedSecond, int lifetimeSeconds) =>
        TestJwt.Create(Start.AddSeconds(issuedSecond + lifetimeSeconds), $"rpst-{issuedSecond}", Start.AddSeconds(issuedSecond));
}
