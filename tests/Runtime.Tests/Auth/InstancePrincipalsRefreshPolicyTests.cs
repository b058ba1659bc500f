using System.Net;
using OciRaw.Testing;

namespace OciRaw.Tests.Auth;

/// <summary>
/// The refresh policy of docs/auth.md under load, on a fake clock shared by the signer and the emulator (which checks
/// every request's date and token expiry on it): one token shared until its refresh time, one background refresh
/// while the old token serves, backoff after a failed one, and waiting only when no valid token exists.
/// </summary>
public sealed class InstancePrincipalsRefreshPolicyTests : IAsyncLifetime
{
    // A whole second, so that the emulator's iat/exp (whole seconds) fall exactly on the steps below.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private readonly List<IDisposable> _disposables = [];
    private OciEmulator _emulator = null!;

    private EmulatedInstancePrincipals Instance => _emulator.InstancePrincipals;

    public async Task InitializeAsync() => _emulator = await OciEmulator.StartAsync(new OciEmulatorOptions { TimeProvider = _clock });

    public async Task DisposeAsync()
    {
        _disposables.ForEach(d => d.Dispose());
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Twenty_workers_on_a_15_s_token_share_it_for_half_its_life_and_never_wait()
    {
        Instance.TokenLifetime = TimeSpan.FromSeconds(15);
        using InstancePrincipalsSigner signer = CreateSigner();
        using HttpClient http = CreateClient(signer);
        var totals = new LoadResult(0, 0);

        // 31 one-second steps, 20 workers x 2 requests each. Tokens are due at half their life (7.5 s), so the refresh
        // starts at t = 8, 16, 24: 4 tokens in all, where a margin of max(60 s, 10%) gave one federation per request.
        for (int second = 0; second <= 30; second++)
        {
            totals += await RunWorkersAsync(http, workers: 20, requestsEach: 2);
            await SettleAsync(signer);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(new LoadResult(Served: 31 * 20 * 2, Errors: 0), totals);
        Assert.Equal(4, Instance.FederationCallCount);
        Assert.Empty(_emulator.AuthenticationFailures); // no request was signed with an expired token
    }

    [Fact]
    public async Task Fifty_workers_are_served_by_the_old_token_while_an_early_refresh_fails_and_it_is_retried_after_a_backoff()
    {
        (InstancePrincipalsSigner signer, HttpClient http, OciCredentials first) = await FirstTokenAsync(TimeSpan.FromMinutes(10)); // margin 60 s
        _clock.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(1));
        // The federation answers 500, 500, 400 (a failed refresh), each after a pause, so the refresh is still running
        // while every worker's requests complete.
        OciFault slowly(OciFault fault) => fault.After(TimeSpan.FromSeconds(1));
        _emulator.Faults.Enqueue(EmulatedInstancePrincipals.FederationRoute, slowly(OciFault.Error(500, "InternalServerError")), count: 2);
        _emulator.Faults.Enqueue(EmulatedInstancePrincipals.FederationRoute, slowly(OciFault.Error(400, "InvalidParameter", "refused")));

        LoadResult during = await RunWorkersAsync(http, workers: 50, requestsEach: 4);
        Task failedRefresh = signer.RefreshInFlight!;
        bool refreshStillRunning = !failedRefresh.IsCompleted;
        var failure = await Assert.ThrowsAsync<OciAuthenticationException>(() => failedRefresh);

        Assert.Equal(new LoadResult(Served: 200, Errors: 0), during);
        Assert.True(refreshStillRunning, "the workers waited for the refresh");
        Assert.Contains("400 InvalidParameter", failure.Message, StringComparison.Ordinal);
        Assert.Equal(4, Instance.FederationCallCount); // the first token, then one refresh of three attempts

        // Within the backoff nobody refreshes, and the old token keeps serving.
        Assert.Equal(new LoadResult(Served: 50, Errors: 0), await RunWorkersAsync(http, workers: 50, requestsEach: 1));
        Assert.Null(signer.RefreshInFlight);
        Assert.Equal(4, Instance.FederationCallCount);

        // After the backoff one refresh runs again, and succeeds.
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Same(first, await signer.GetCredentialsAsync());
        await SettleAsync(signer);
        Assert.NotSame(first, await signer.GetCredentialsAsync());
        Assert.Equal(5, Instance.FederationCallCount);
        Assert.Empty(_emulator.AuthenticationFailures);
    }

    [Fact]
    public async Task With_the_federation_down_from_the_refresh_time_on_workers_are_served_until_expiry_then_wait_and_fail_together()
    {
        (InstancePrincipalsSigner signer, HttpClient http, _) = await FirstTokenAsync(TimeSpan.FromMinutes(10));
        _clock.Advance(TimeSpan.FromMinutes(9));
        _emulator.Faults.Enqueue(EmulatedInstancePrincipals.FederationRoute, OciFault.Error(503, "ServiceUnavailable"), count: 10_000);
        var totals = new LoadResult(0, 0);

        // The last minute of the token's life, one step a second.
        for (int second = 0; second < 60; second++)
        {
            totals += await RunWorkersAsync(http, workers: 50, requestsEach: 1);
            await SettleAsync(signer);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        int federationCallsBeforeExpiry = Instance.FederationCallCount - 1;
        Assert.Equal(new LoadResult(Served: 60 * 50, Errors: 0), totals);
        Assert.Equal(0, federationCallsBeforeExpiry % 3); // whole refreshes of MaxAttempts = 3 calls
        // Backoff (doubling from RetryBaseDelay) spaces the refreshes out: far fewer than one per step, let alone per request.
        Assert.InRange(federationCallsBeforeExpiry / 3, 5, 20);

        // Expired: now the callers wait, for one shared refresh, and all see why it failed.
        int beforeWaiting = Instance.FederationCallCount;
        Exception?[] errors = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => CaptureAsync(() => signer.GetCredentialsAsync().AsTask())));
        Assert.All(errors, e => Assert.Contains("503 ServiceUnavailable", Assert.IsType<OciAuthenticationException>(e).Message, StringComparison.Ordinal));
        Assert.Equal(3, Instance.FederationCallCount - beforeWaiting);

        // The federation is back: the next caller gets a token.
        _emulator.Faults.Reset();
        Assert.Equal(new LoadResult(Served: 50, Errors: 0), await RunWorkersAsync(http, workers: 50, requestsEach: 1));
    }

    [Fact]
    public async Task After_expiry_fifty_callers_wait_for_one_refresh_and_all_get_its_token()
    {
        (_, HttpClient http, _) = await FirstTokenAsync(TimeSpan.FromMinutes(10));
        _clock.Advance(TimeSpan.FromMinutes(11)); // no caller came during the margin

        LoadResult result = await RunWorkersAsync(http, workers: 50, requestsEach: 2);

        Assert.Equal(new LoadResult(Served: 100, Errors: 0), result);
        Assert.Equal(2, Instance.FederationCallCount);
        Assert.Empty(_emulator.AuthenticationFailures);
    }

    [Fact]
    public async Task A_certificate_rotated_between_the_certificate_and_key_reads_is_read_again_on_a_forced_refresh()
    {
        using var rotateOnce = new RotateAfterCertificateRead(Instance);
        using InstancePrincipalsSigner signer = CreateSigner(rotateOnce);
        await signer.GetCredentialsAsync();

        rotateOnce.Arm();
        await signer.RefreshSecurityTokenAsync();

        Assert.True(rotateOnce.Rotated);
        Assert.Equal(2, Instance.FederationCallCount);
        Assert.Equal(3, _emulator.Faults.CallCount("GET /opc/v2/identity/cert.pem")); // first token, then the torn read and its repeat
        Assert.Empty(_emulator.AuthenticationFailures);
    }

    [Fact]
    public async Task A_certificate_rotated_between_the_reads_of_the_refresh_after_a_401_does_not_reach_the_caller()
    {
        using var rotateOnce = new RotateAfterCertificateRead(Instance);
        using InstancePrincipalsSigner signer = CreateSigner(rotateOnce);
        using HttpClient http = CreateClient(signer);
        (await ListAsync(http)).Dispose();

        Instance.RevokeAllTokens();
        rotateOnce.Arm();
        using HttpResponseMessage response = await ListAsync(http);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(rotateOnce.Rotated);
        Assert.Equal(2, Instance.FederationCallCount);
    }

    [Fact]
    public async Task A_metadata_service_that_never_pairs_certificate_and_key_is_a_clear_error_after_a_few_reads()
    {
        using var rotateAlways = new RotateAfterCertificateRead(Instance, every: true);
        using InstancePrincipalsSigner signer = CreateSigner(rotateAlways);
        rotateAlways.Arm();

        var error = await Assert.ThrowsAsync<OciAuthenticationException>(() => signer.GetCredentialsAsync().AsTask());

        Assert.Contains("do not belong together, 3 times in a row", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Instance.FederationCallCount);
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_refresh_the_others_wait_for()
    {
        _emulator.Faults.Enqueue(EmulatedInstancePrincipals.FederationRoute, OciFault.Slow(TimeSpan.FromMilliseconds(300)));
        using InstancePrincipalsSigner signer = CreateSigner();
        using var impatient = new CancellationTokenSource();

        Task<OciCredentials> cancelled = signer.GetCredentialsAsync(impatient.Token).AsTask();
        Task<OciCredentials> patient = signer.GetCredentialsAsync().AsTask();
        await impatient.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.StartsWith("ST$", (await patient).KeyId, StringComparison.Ordinal);
        Assert.Equal(1, Instance.FederationCallCount);
    }

    [Fact]
    public async Task Disposing_ends_a_background_refresh_and_refuses_new_ones()
    {
        Instance.TokenLifetime = TimeSpan.FromMinutes(10);
        InstancePrincipalsSigner signer = CreateSigner();
        await signer.GetCredentialsAsync();
        _clock.Advance(TimeSpan.FromMinutes(9.5));
        _emulator.Faults.Enqueue(EmulatedInstancePrincipals.FederationRoute, OciFault.Slow(TimeSpan.FromSeconds(5)));
        await signer.GetCredentialsAsync();
        Task refresh = signer.RefreshInFlight!;

        await signer.DisposeAsync();

        // Cancelled: it ends long before the federation's 5 s answer would come.
        Assert.Same(refresh, await Task.WhenAny(refresh, Task.Delay(TimeSpan.FromSeconds(3))));
        Assert.False(refresh.IsCompletedSuccessfully);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => signer.RefreshSecurityTokenAsync());
    }

    private InstancePrincipalsSigner CreateSigner(HttpMessageHandler? transport = null) => new(new InstancePrincipalsSignerOptions
    {
        MetadataBaseAddress = Instance.MetadataBaseAddress,
        FederationEndpoint = Instance.FederationEndpoint,
        RequestTimeout = TimeSpan.FromSeconds(30),
        MaxAttempts = 3,
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDuration = TimeSpan.FromSeconds(10),
        TimeProvider = _clock,
        Transport = transport,
    });

    /// <summary>A signer with its first token (of <paramref name="lifetime"/>) and a client that signs with it.</summary>
    private async Task<(InstancePrincipalsSigner Signer, HttpClient Http, OciCredentials First)> FirstTokenAsync(TimeSpan lifetime)
    {
        Instance.TokenLifetime = lifetime;
        InstancePrincipalsSigner signer = CreateSigner();
        HttpClient http = CreateClient(signer);
        _disposables.Add(http);
        _disposables.Add(signer);
        return (signer, http, await signer.GetCredentialsAsync());
    }

    private HttpClient CreateClient(InstancePrincipalsSigner signer) =>
        new(new OciSigningHandler(signer, new SocketsHttpHandler())) { BaseAddress = _emulator.BaseAddress };

    private Task<HttpResponseMessage> ListAsync(HttpClient http) =>
        http.GetAsync($"/20160918/users?compartmentId={Instance.TenancyId}&limit=1");

    /// <summary><paramref name="workers"/> concurrent loops of <paramref name="requestsEach"/> requests; what the callers saw.</summary>
    private async Task<LoadResult> RunWorkersAsync(HttpClient http, int workers, int requestsEach)
    {
        int served = 0;
        int errors = 0;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            for (int i = 0; i < requestsEach; i++)
            {
                try
                {
                    using HttpResponseMessage response = await ListAsync(http);
                    Interlocked.Increment(ref response.StatusCode == HttpStatusCode.OK ? ref served : ref errors);
                }
                catch (Exception e) when (e is OciAuthenticationException or HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        return new LoadResult(served, errors);
    }

    /// <summary>Lets a background refresh finish (in real time) before the test moves the clock on; its failure is the signer's to handle.</summary>
    private static async Task SettleAsync(InstancePrincipalsSigner signer)
    {
        if (signer.RefreshInFlight is { } refresh)
        {
            await CaptureAsync(() => refresh);
        }
    }

    private static async Task<Exception?> CaptureAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private readonly record struct LoadResult(int Served, int Errors)
    {
        public static LoadResult operator +(LoadResult a, LoadResult b) => new(a.Served + b.Served, a.Errors + b.Errors);
    }

    /// <summary>Rotates the instance's certificate right after a <c>cert.pem</c> answer passes, before the key is read.</summary>
    private sealed class RotateAfterCertificateRead(EmulatedInstancePrincipals instance, bool every = false) : DelegatingHandler(new SocketsHttpHandler())
    {
        private volatile bool _armed;

        public bool Rotated { get; private set; }

        public void Arm() => _armed = true;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            if (_armed && request.RequestUri!.AbsolutePath.EndsWith("/identity/cert.pem", StringComparison.Ordinal))
            {
                instance.RotateCertificate();
                Rotated = true;
                _armed = every;
            }

            return response;
        }
    }
}
