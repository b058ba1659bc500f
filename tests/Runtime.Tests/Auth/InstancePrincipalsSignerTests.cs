using System.Net;
using System.Text;
using OciRaw.Testing;

namespace OciRaw.Tests.Auth;

/// <summary>
/// OciRaw's <see cref="InstancePrincipalsSigner"/> against the emulator's metadata and federation services: fetch, use,
/// refresh before expiry, one refresh after a 401, rotation, tenancy pinning, single flight, and faults.
/// </summary>
public sealed class InstancePrincipalsSignerTests : IAsyncLifetime
{
    private const string Users = "/20160918/users";
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private OciEmulator _emulator = null!;

    private EmulatedInstancePrincipals Instance => _emulator.InstancePrincipals;

    public async Task InitializeAsync()
    {
        _emulator = await OciEmulator.StartAsync(new OciEmulatorOptions { TimeProvider = _clock });
        Instance.TokenLifetime = TimeSpan.FromMinutes(20);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task A_token_is_fetched_and_used_in_the_instance_tenancy()
    {
        using InstancePrincipalsSigner signer = CreateSigner();
        using HttpClient http = CreateClient(signer);

        using HttpResponseMessage created = await CreateUserAsync(http, "first");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(Instance.TenancyId, signer.TenancyId);
        Assert.StartsWith("ST$", (await signer.GetCredentialsAsync()).KeyId, StringComparison.Ordinal);
        Assert.Equal(1, Instance.FederationCallCount);
        Assert.Empty(_emulator.AuthenticationFailures);
    }

    [Fact]
    public async Task The_token_is_refreshed_in_the_background_once_past_the_margin_while_it_keeps_serving()
    {
        using InstancePrincipalsSigner signer = CreateSigner();
        OciCredentials first = await signer.GetCredentialsAsync();

        // 20 min lifetime: the margin is max(60 s, 10%) = 2 min, so 17 min later the token is used and nothing refreshes...
        _clock.Advance(TimeSpan.FromMinutes(17));
        Assert.Same(first, await signer.GetCredentialsAsync());
        Assert.Null(signer.RefreshInFlight);

        // ...past 18 min the caller still gets the valid token at once, and a new one is fetched behind it.
        _clock.Advance(TimeSpan.FromMinutes(1.5));
        Assert.Same(first, await signer.GetCredentialsAsync());
        await signer.RefreshInFlight!;
        OciCredentials second = await signer.GetCredentialsAsync();

        Assert.NotEqual(first.KeyId, second.KeyId);
        Assert.NotEqual(first.KeyFingerprint, second.KeyFingerprint); // a fresh session key per token
        Assert.Equal(2, Instance.FederationCallCount);
    }

    [Fact]
    public async Task A_revoked_token_is_refreshed_once_on_401_and_the_call_succeeds()
    {
        using InstancePrincipalsSigner signer = CreateSigner();
        using HttpClient http = CreateClient(signer);
        (await CreateUserAsync(http, "before")).Dispose();

        Instance.RevokeAllTokens();
        using HttpResponseMessage response = await CreateUserAsync(http, "after");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, Instance.FederationCallCount);
        Assert.Equal(3, _emulator.Faults.CallCount("POST " + Users));
    }

    [Fact]
    public async Task A_second_401_is_returned_not_retried_again()
    {
        using InstancePrincipalsSigner signer = CreateSigner();
        using HttpClient http = CreateClient(signer);
        _emulator.Faults.Enqueue("POST " + Users, OciFault.Error(401, "NotAuthenticated"), count: 5);

        using HttpResponseMessage response = await CreateUserAsync(http, "refused");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(2, _emulator.Faults.CallCount("POST " + Users));
        Assert.Equal(2, Instance.FederationCallCount);
    }

    [Fact]
    public async Task A_rotated_certificate_is_picked_up_by_the_next_refresh()
    {
        using InstancePrincipalsSigner signer = CreateSigner();
        await signer.GetCredentialsAsync();

        Instance.RotateCertificate();
        await signer.RefreshSecurityTokenAsync();

        // The federation service refuses the rotated-away leaf, so a token now means the new leaf was fetched.
        Assert.Equal(2, Instance.FederationCallCount);
        Assert.Empty(_emulator.AuthenticationFailures);
    }

    [Fact]
    public async Task A_certificate_for_another_tenancy_is_refused()
    {
        using InstancePrincipalsSigner signer = CreateSigner();
        OciCredentials first = await signer.GetCredentialsAsync();

        Instance.RotateCertificateToTenancy("ocid1.tenancy.oc1..aaaaaaaaothertenancyxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
        var error = await Assert.ThrowsAsync<OciAuthenticationException>(() => signer.RefreshSecurityTokenAsync());

        Assert.Contains("tenancy", error.Message, StringComparison.Ordinal);
        Assert.Contains(signer.TenancyId!, error.Message, StringComparison.Ordinal);
        Assert.Same(first, await signer.GetCredentialsAsync()); // the good token stays in use until it expires
    }

    [Fact]
    public async Task Two_hundred_parallel_calls_inside_the_refresh_margin_cause_exactly_one_federation_call()
    {
        using InstancePrincipalsSigner signer = CreateSigner();
        using HttpClient http = CreateClient(signer);
        await signer.GetCredentialsAsync();
        _clock.Advance(TimeSpan.FromMinutes(19)); // inside the refresh margin, before expiry

        HttpResponseMessage[] responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            http.GetAsync($"{Users}?compartmentId={Instance.TenancyId}&limit=1&n={i}")));

        if (signer.RefreshInFlight is { } refresh)
        {
            await refresh;
        }

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(2, Instance.FederationCallCount);
        Assert.Empty(_emulator.AuthenticationFailures); // no expired token, no key that does not match its token
        foreach (HttpResponseMessage response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Metadata_service_down_fails_within_bounded_time()
    {
        int closedPort;
        await using (OciEmulator gone = await OciEmulator.StartAsync())
        {
            closedPort = gone.BaseAddress.Port;
        }

        using var signer = new InstancePrincipalsSigner(FastRetries(metadata: new Uri($"http://127.0.0.1:{closedPort}/opc/v2")));
        var started = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<OciAuthenticationException>(() => signer.GetCredentialsAsync().AsTask());

        Assert.Contains("instance metadata call", error.Message, StringComparison.Ordinal);
        Assert.Contains("after retrying", error.Message, StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"took {started.Elapsed}");
    }

    [Fact]
    public async Task A_slow_metadata_service_times_out_then_recovers()
    {
        _emulator.Faults.Enqueue("GET /opc/v2/identity/cert.pem", OciFault.Slow(TimeSpan.FromSeconds(3)));
        using var signer = new InstancePrincipalsSigner(FastRetries(requestTimeout: TimeSpan.FromSeconds(1)));

        await signer.GetCredentialsAsync();

        Assert.Equal(2, _emulator.Faults.CallCount("GET /opc/v2/identity/cert.pem"));
    }

    [Fact]
    public async Task Metadata_500_then_recovery_succeeds()
    {
        _emulator.Faults.Enqueue("GET /opc/v2/identity/key.pem", OciFault.Error(500, "InternalServerError"), count: 2);
        using InstancePrincipalsSigner signer = CreateSigner();

        await signer.GetCredentialsAsync();

        Assert.Equal(3, _emulator.Faults.CallCount("GET /opc/v2/identity/key.pem"));
    }

    [Fact]
    public async Task Metadata_404_fails_at_once_with_the_service_message()
    {
        _emulator.Faults.Enqueue("GET /opc/v2/identity/cert.pem", OciFault.Error(404, "NotFound", "no identity on this instance"), count: 3);
        using InstancePrincipalsSigner signer = CreateSigner();

        var error = await Assert.ThrowsAsync<OciAuthenticationException>(() => signer.GetCredentialsAsync().AsTask());

        Assert.Contains("404 NotFound: no identity on this instance", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _emulator.Faults.CallCount("GET /opc/v2/identity/cert.pem"));
    }

    [Fact]
    public async Task Federation_500_then_recovery_succeeds_and_400_fails_at_once()
    {
        _emulator.Faults.Enqueue(EmulatedInstancePrincipals.FederationRoute, OciFault.Error(500, "InternalServerError"));
        using (InstancePrincipalsSigner signer = CreateSigner())
        {
            await signer.GetCredentialsAsync();
            Assert.Equal(2, Instance.FederationCallCount);
        }

        _emulator.Faults.Enqueue(EmulatedInstancePrincipals.FederationRoute, OciFault.Error(400, "InvalidParameter", "bad certificate"));
        using InstancePrincipalsSigner refused = CreateSigner();
        var error = await Assert.ThrowsAsync<OciAuthenticationException>(() => refused.GetCredentialsAsync().AsTask());

        Assert.Contains("400 InvalidParameter: bad certificate", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, Instance.FederationCallCount);
    }

    [Theory]
    [InlineData("{\"token\":\"garbled\"}", "not a JWT")]
    [InlineData("{\"notToken\":1}", "without a 'token'")]
    [InlineData("<html>oops</html>", "not JSON")]
    public async Task A_garbled_or_missing_token_is_a_clear_error(string body, string words)
    {
        var rewriter = new FederationBodyRewriter(body);
        using InstancePrincipalsSigner signer = CreateSigner(transport: rewriter);

        var error = await Assert.ThrowsAsync<OciAuthenticationException>(() => signer.GetCredentialsAsync().AsTask());

        Assert.Contains(words, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("garbled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_token_or_key_appears_in_messages_or_ToString()
    {
        using InstancePrincipalsSigner signer = CreateSigner();
        OciCredentials credentials = await signer.GetCredentialsAsync();
        string token = credentials.KeyId["ST$".Length..];

        Assert.DoesNotContain(token, signer.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(token, credentials.ToString(), StringComparison.Ordinal);
        Instance.RotateCertificateToTenancy("ocid1.tenancy.oc1..aaaaaaaaanothertenancyxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
        var error = await Assert.ThrowsAsync<OciAuthenticationException>(() => signer.RefreshSecurityTokenAsync());
        Assert.DoesNotContain(token, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delegation_token_is_sent_and_signed()
    {
        string oboFile = Path.Combine(Path.GetTempPath(), $"obo-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(oboFile, "delegation-token-value\n");
        try
        {
            using InstancePrincipalsSigner signer = CreateSigner(delegationTokenFile: oboFile);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_emulator.BaseAddress, Users));

            OciSignature signature = await signer.SignAsync(request);

            Assert.Equal("delegation-token-value", request.Headers.GetValues("opc-obo-token").Single());
            Assert.Contains("headers=\"date (request-target) host opc-obo-token\"", signature.Authorization, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(oboFile);
        }
    }

    // Fast retries, but a timeout long enough for a loaded machine: a call retried after a timeout counts twice, and the
    // tests that count calls are about single flight and refresh, not timeouts (the one that is sets its own).
    private InstancePrincipalsSignerOptions FastRetries(Uri? metadata = null, TimeSpan? requestTimeout = null) => new()
    {
        MetadataBaseAddress = metadata ?? Instance.MetadataBaseAddress,
        FederationEndpoint = Instance.FederationEndpoint,
        RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(30),
        MaxAttempts = 3,
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDuration = TimeSpan.FromSeconds(5),
        TimeProvider = _clock,
    };

    private InstancePrincipalsSigner CreateSigner(HttpMessageHandler? transport = null, string? delegationTokenFile = null)
    {
        InstancePrincipalsSignerOptions options = FastRetries();
        options.Transport = transport;
        options.DelegationTokenFile = delegationTokenFile;
        return new InstancePrincipalsSigner(options);
    }

    private HttpClient CreateClient(InstancePrincipalsSigner signer) =>
        new(new OciSigningHandler(signer, new SocketsHttpHandler())) { BaseAddress = _emulator.BaseAddress };

    private Task<HttpResponseMessage> CreateUserAsync(HttpClient http, string name) =>
        http.PostAsync(Users, new StringContent(
            $"{{\"compartmentId\":\"{Instance.TenancyId}\",\"name\":\"{name}-{Guid.NewGuid():N}\",\"description\":\"d\"}}", Encoding.UTF8, "application/json"));

    /// <summary>Replaces the federation service's successful answers, to see how the signer reads a bad one.</summary>
    private sealed class FederationBodyRewriter(string body) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            if (request.RequestUri!.AbsolutePath.EndsWith("/v1/x509", StringComparison.Ordinal) && response.IsSuccessStatusCode)
            {
                response.Content = new StringContent(body);
            }

            return response;
        }
    }
}
