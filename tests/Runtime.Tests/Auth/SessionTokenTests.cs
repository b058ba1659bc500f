using System.Net;
using System.Text;

namespace OciRaw.Tests.Auth;

/// <summary>Session-token profiles (<c>oci session authenticate</c>) and the one refresh-and-retry after a 401.</summary>
public sealed class SessionTokenTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly string _tokenFile;
    private readonly string _keyFile;

    public SessionTokenTests()
    {
        _tokenFile = _folder.Write("token", TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1), "first") + "\n");
        _keyFile = _folder.Write("key.pem", File.ReadAllText(VectorFiles.KeyPath(VectorFiles.TestKey)), UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_session_profile_without_user_signs_with_the_trimmed_token_as_keyId()
    {
        string config = _folder.Write("config", $"[DEFAULT]\nkey_file={_keyFile}\ntenancy=ocid1.tenancy.oc1..aaaaaaaasession\nregion=us-ashburn-1\nsecurity_token_file={_tokenFile}\n");

        OciSigner signer = OciSigner.FromConfig(OciConfig.FromFile(config));
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.com/x");
        OciSignature signature = await signer.SignAsync(request);

        Assert.IsType<SessionTokenSigner>(signer);
        string expectedToken = File.ReadAllText(_tokenFile).Trim();
        Assert.Contains($"keyId=\"ST${expectedToken}\"", signature.Authorization, StringComparison.Ordinal);
        OciCredentials credentials = await signer.GetCredentialsAsync();
        Assert.True(IndependentVerifier.Verify(credentials.Key.ExportSubjectPublicKeyInfo(), signature.SigningString, signature.Signature));
    }

    [Fact]
    public async Task A_token_refreshed_on_disk_is_used_for_the_next_request()
    {
        var signer = new SessionTokenSigner(_tokenFile, _keyFile);
        OciCredentials before = await signer.GetCredentialsAsync();
        string second = TestJwt.Create(DateTimeOffset.UtcNow.AddHours(2), "second");

        WriteToken(second);
        OciCredentials after = await signer.GetCredentialsAsync();

        Assert.Equal("ST$" + second, after.KeyId);
        Assert.NotEqual(before.KeyId, after.KeyId);
    }

    [Fact]
    public async Task An_expired_token_is_a_clear_error_without_the_token()
    {
        string expired = TestJwt.Create(DateTimeOffset.UtcNow.AddMinutes(-5), "expired");
        WriteToken(expired);
        var signer = new SessionTokenSigner(_tokenFile, _keyFile);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.com/x");

        var error = await Assert.ThrowsAsync<OciAuthenticationException>(() => signer.SignAsync(request));

        Assert.Contains("expired at", error.Message, StringComparison.Ordinal);
        Assert.Contains("oci session refresh", error.Message, StringComparison.Ordinal);
        Assert.Contains(_tokenFile, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(expired, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_appears_in_no_ToString()
    {
        var signer = new SessionTokenSigner(_tokenFile, _keyFile);
        string token = File.ReadAllText(_tokenFile).Trim();
        OciCredentials credentials = await signer.GetCredentialsAsync();

        Assert.DoesNotContain(token, signer.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(token, credentials.ToString(), StringComparison.Ordinal);
        Assert.Contains("ST$<redacted>", credentials.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_401_after_an_external_refresh_is_retried_once_with_the_new_token_and_succeeds()
    {
        string fresh = TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1), "fresh");
        var signer = new SessionTokenSigner(_tokenFile, _keyFile);
        await using var server = new LoopbackHttpServer(request =>
        {
            if (request.Header("authorization")!.Contains(fresh, StringComparison.Ordinal))
            {
                return ServerResponse.Json(HttpStatusCode.OK, "{}");
            }

            WriteToken(fresh); // 'oci session refresh' ran meanwhile; the service revoked the old token.
            return NotAuthenticated();
        });
        using var http = new HttpClient(new OciSigningHandler(signer, new SocketsHttpHandler()));

        using HttpResponseMessage response = await http.PostAsync($"http://127.0.0.1:{server.Port}/x", new StringContent("{\"a\":1}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.Received.Count);
        Assert.Equal(server.Received[0].Body, server.Received[1].Body);
        Assert.NotNull(server.Received[1].Header("x-content-sha256"));
    }

    [Fact]
    public async Task A_second_401_goes_back_to_the_caller()
    {
        var signer = new SessionTokenSigner(_tokenFile, _keyFile);
        int tokens = 0;
        await using var server = new LoopbackHttpServer(_ =>
        {
            WriteToken(TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1), "rotated-" + Interlocked.Increment(ref tokens)));
            return NotAuthenticated();
        });
        using var http = new HttpClient(new OciSigningHandler(signer, new SocketsHttpHandler()));

        using HttpResponseMessage response = await http.GetAsync($"http://127.0.0.1:{server.Port}/x");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(2, server.Received.Count);
    }

    [Fact]
    public async Task A_401_with_an_unchanged_token_is_not_retried() =>
        Assert.Equal(1, await RequestsSentWhenEveryAnswerIs401Async(new SessionTokenSigner(_tokenFile, _keyFile)));

    [Fact]
    public async Task Api_key_signers_are_never_retried_on_401() =>
        Assert.Equal(1, await RequestsSentWhenEveryAnswerIs401Async(
            new ApiKeySigner("ocid1.tenancy.oc1..aaaaaaaaa", "ocid1.user.oc1..aaaaaaaaa", VectorFiles.TestKeyFingerprint, _keyFile)));

    [Fact]
    public async Task A_streamed_body_sent_unsigned_is_not_replayed_after_a_401()
    {
        var signer = new SessionTokenSigner(_tokenFile, _keyFile);
        await using var server = new LoopbackHttpServer(_ =>
        {
            WriteToken(TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1), "rotated"));
            return NotAuthenticated();
        });
        using var http = new HttpClient(new OciSigningHandler(signer, new SocketsHttpHandler()));
        using var request = new HttpRequestMessage(HttpMethod.Put, $"http://127.0.0.1:{server.Port}/n/ns/b/b/o/o")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("object bytes"))),
        };
        request.Content.Headers.ContentLength = 12;
        request.SetOciSigningStrategy(OciSigningStrategy.ExcludeBody);

        using HttpResponseMessage response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Single(server.Received);
    }

    /// <summary>Sends one GET through the signing handler to a server that refuses everything; returns how many arrived.</summary>
    private static async Task<int> RequestsSentWhenEveryAnswerIs401Async(OciSigner signer)
    {
        await using var server = new LoopbackHttpServer(_ => NotAuthenticated());
        using var http = new HttpClient(new OciSigningHandler(signer, new SocketsHttpHandler()));

        using HttpResponseMessage response = await http.GetAsync($"http://127.0.0.1:{server.Port}/x");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return server.Received.Count;
    }

    private void WriteToken(string token)
    {
        File.WriteAllText(_tokenFile, token);
        // Make sure the change is visible even on file systems with coarse timestamps.
        File.SetLastWriteTimeUtc(_tokenFile, DateTime.UtcNow.AddSeconds(Random.Shared.Next(1, 1000)));
    }

    private static ServerResponse NotAuthenticated() =>
        ServerResponse.Json(HttpStatusCode.Unauthorized, "{\"code\":\"NotAuthenticated\",\"message\":\"token revoked\"}");
}
