using System.Net;
using OciRaw.Samples.IdentityUsers;

namespace OciRaw.Testing.Tests.Retry;

/// <summary>
/// OCI's retry policy against the emulator's scripted faults, on virtual time: what is retried and what is not, how
/// many attempts, the waits (backoff bound, Retry-After, budget), fresh signatures and one retry token per call, a
/// create whose answer was lost, cancellation during a wait, and bodies that cannot be sent twice.
/// </summary>
public sealed class RetryPolicyTests
{
    [Theory]
    [InlineData(500, "InternalServerError")]
    [InlineData(502, "BadGateway")]
    [InlineData(503, "ServiceUnavailable")]
    [InlineData(504, "GatewayTimeout")]
    [InlineData(507, "InsufficientStorage")]
    [InlineData(429, "TooManyRequests")]
    [InlineData(409, "IncorrectState")]
    [InlineData(409, "LockConflict")]
    public async Task A_transient_status_is_retried_until_the_call_succeeds(int status, string code)
    {
        await using RetryRig rig = await RetryRig.StartAsync();
        User user = await rig.CreateUserAsync("u");
        rig.Faults.Enqueue(RetryRig.GetRoute, OciFault.Error(status, code), count: 2);

        OciResponse<User> got = await rig.Clock.DriveAsync(rig.Users.GetUserAsync(user.Id));

        Assert.Equal(user.Id, got.Data.Id);
        Assert.Equal(3, rig.Faults.CallCount(RetryRig.GetRoute));
        Assert.Equal(2, rig.Clock.Timers.Count);
    }

    [Theory]
    [InlineData(501, "NotImplemented")]
    [InlineData(409, "Conflict")]
    [InlineData(409, "InvalidatedRetryToken")]
    [InlineData(400, "InvalidParameter")]
    [InlineData(404, "NotAuthorizedOrNotFound")]
    [InlineData(412, "PreconditionFailed")]
    public async Task A_final_status_is_not_retried(int status, string code)
    {
        await using RetryRig rig = await RetryRig.StartAsync();
        User user = await rig.CreateUserAsync("u");
        rig.Faults.Enqueue(RetryRig.GetRoute, OciFault.Error(status, code));

        OciServiceException e = await Assert.ThrowsAsync<OciServiceException>(() => rig.Users.GetUserAsync(user.Id));

        Assert.Equal((HttpStatusCode)status, e.StatusCode);
        Assert.Equal(code, e.ServiceCode);
        Assert.Equal(1, rig.Faults.CallCount(RetryRig.GetRoute));
        Assert.Empty(rig.Clock.Timers);
    }

    [Fact]
    public async Task Eight_attempts_are_made_with_full_jitter_waits_under_the_exponential_bound()
    {
        await using RetryRig rig = await RetryRig.StartAsync();
        User user = await rig.CreateUserAsync("u");
        rig.Faults.Enqueue(RetryRig.GetRoute, OciFault.Error(503, "ServiceUnavailable"), count: 20);

        OciServiceException e = await Assert.ThrowsAsync<OciServiceException>(() => rig.Clock.DriveAsync(rig.Users.GetUserAsync(user.Id)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.StatusCode);
        Assert.Equal(8, rig.Faults.CallCount(RetryRig.GetRoute));
        IReadOnlyList<TimeSpan> waits = rig.Clock.Timers;
        Assert.Equal(7, waits.Count);
        for (int retry = 1; retry <= waits.Count; retry++)
        {
            double bound = Math.Min(30, Math.Pow(2, retry - 1));
            Assert.InRange(waits[retry - 1].TotalSeconds, 0, bound);
        }
    }

    [Fact]
    public async Task Retry_After_sets_the_wait_even_beyond_the_backoff_cap()
    {
        await using RetryRig rig = await RetryRig.StartAsync();
        User user = await rig.CreateUserAsync("u");
        rig.Faults.Enqueue(RetryRig.GetRoute, OciFault.Error(429, "TooManyRequests", retryAfter: TimeSpan.FromSeconds(7)));
        rig.Faults.Enqueue(RetryRig.GetRoute, OciFault.Error(503, "ServiceUnavailable", retryAfter: TimeSpan.FromSeconds(45)));

        await rig.Clock.DriveAsync(rig.Users.GetUserAsync(user.Id));

        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(45)], rig.Clock.Timers);
    }

    [Fact]
    public async Task A_wait_that_would_end_after_the_budget_is_not_started()
    {
        await using RetryRig rig = await RetryRig.StartAsync(RetryRig.DefaultOptions with { MaxElapsedTime = TimeSpan.FromSeconds(10) });
        User user = await rig.CreateUserAsync("u");
        rig.Faults.Enqueue(RetryRig.GetRoute, OciFault.Error(503, "ServiceUnavailable", retryAfter: TimeSpan.FromSeconds(11)));

        OciServiceException e = await Assert.ThrowsAsync<OciServiceException>(() => rig.Users.GetUserAsync(user.Id));

        Assert.Equal(1, rig.Faults.CallCount(RetryRig.GetRoute));
        Assert.Empty(rig.Clock.Timers);
        Assert.Contains("retry budget of 10 s", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_attempt_is_signed_anew_and_carries_the_same_retry_token_and_request_id()
    {
        await using RetryRig rig = await RetryRig.StartAsync();
        rig.Faults.Enqueue(RetryRig.CreateRoute, OciFault.Error(503, "ServiceUnavailable", retryAfter: TimeSpan.FromSeconds(2)), count: 2);

        await rig.Clock.DriveAsync(rig.Users.CreateUserAsync(rig.NewUserDetails("u")));

        var attempts = rig.Tap.Sent.Where(r => r.Method == "POST").ToList();
        Assert.Equal(3, attempts.Count);
        Assert.Equal(3, attempts.Select(a => a.Header("date")).Distinct().Count());
        Assert.Equal(3, attempts.Select(a => a.AuthorizationParameter("signature")).Distinct().Count());
        Assert.Matches("^[A-Za-z0-9]{30}$", attempts[0].Header("opc-retry-token"));
        Assert.Single(attempts.Select(a => a.Header("opc-retry-token")).Distinct());
        Assert.Single(attempts.Select(a => a.Header("opc-request-id")).Distinct());
        Assert.All(attempts, a => Assert.Equal("true", a.Header("opc-client-retries")));
        Assert.Empty(rig.Emulator.AuthenticationFailures);
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_is_retried_and_makes_one_user()
    {
        await using RetryRig rig = await RetryRig.StartAsync();
        rig.Faults.Enqueue(RetryRig.CreateRoute, OciFault.ServeThenDrop());

        OciResponse<User> created = await rig.Clock.DriveAsync(rig.Users.CreateUserAsync(rig.NewUserDetails("once")));

        Assert.Equal(2, rig.Faults.CallCount(RetryRig.CreateRoute));
        User only = Assert.Single(await rig.ListAllAsync(), u => u.Name == "once");
        Assert.Equal(only.Id, created.Data.Id);
    }

    [Fact]
    public async Task A_dropped_connection_is_retried()
    {
        await using RetryRig rig = await RetryRig.StartAsync();
        User user = await rig.CreateUserAsync("u");
        rig.Faults.Enqueue(RetryRig.GetRoute, OciFault.Drop());

        OciResponse<User> got = await rig.Clock.DriveAsync(rig.Users.GetUserAsync(user.Id));

        Assert.Equal(user.Id, got.Data.Id);
        Assert.Equal(2, rig.Faults.CallCount(RetryRig.GetRoute));
    }

    [Fact]
    public async Task An_attempt_that_times_out_is_cancelled_and_retried()
    {
        TimeSpan attemptTimeout = TimeSpan.FromSeconds(5);
        await using RetryRig rig = await RetryRig.StartAsync(RetryRig.DefaultOptions with { AttemptTimeout = attemptTimeout });
        User user = await rig.CreateUserAsync("u");
        int timersBefore = rig.Clock.Timers.Count;
        // Real minutes: only the virtual attempt timeout can end this attempt.
        rig.Faults.Enqueue(RetryRig.GetRoute, OciFault.Slow(TimeSpan.FromMinutes(5)));

        Task<OciResponse<User>> call = rig.Users.GetUserAsync(user.Id);
        await SkipTimersAsync(rig, timersBefore);
        Assert.Equal(attemptTimeout, await rig.Clock.NextTimerAsync());
        rig.Clock.Advance(attemptTimeout);
        TimeSpan backoff = await rig.Clock.NextTimerAsync();
        Assert.InRange(backoff, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        rig.Clock.Advance(backoff);

        OciResponse<User> got = await call;   // the second attempt's timer is never advanced: it is answered in time
        Assert.Equal(user.Id, got.Data.Id);
        Assert.Equal(2, rig.Faults.CallCount(RetryRig.GetRoute));
    }

    [Fact]
    public async Task Cancelling_during_a_wait_ends_the_call_at_once()
    {
        await using RetryRig rig = await RetryRig.StartAsync();
        User user = await rig.CreateUserAsync("u");
        rig.Faults.Enqueue(RetryRig.GetRoute, OciFault.Error(503, "ServiceUnavailable", retryAfter: TimeSpan.FromSeconds(60)), count: 2);
        using var cancel = new CancellationTokenSource();

        Task<OciResponse<User>> call = rig.Users.GetUserAsync(user.Id, cancel.Token);
        Assert.Equal(TimeSpan.FromSeconds(60), await rig.Clock.NextTimerAsync());
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, rig.Faults.CallCount(RetryRig.GetRoute));
    }

    [Fact]
    public async Task Retries_turned_off_in_code_send_once_without_retry_headers()
    {
        await using RetryRig rig = await RetryRig.StartAsync(RetryRig.DefaultOptions with { Enabled = false });
        User user = await rig.CreateUserAsync("u");
        rig.Faults.Enqueue(RetryRig.GetRoute, OciFault.Error(503, "ServiceUnavailable"));

        OciServiceException e = await Assert.ThrowsAsync<OciServiceException>(() => rig.Users.GetUserAsync(user.Id));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.StatusCode);
        Assert.Equal(1, rig.Faults.CallCount(RetryRig.GetRoute));
        Assert.All(rig.Tap.Sent, r => Assert.Null(r.Header("opc-client-retries")));
    }

    [Fact]
    public async Task A_streamed_body_that_was_sent_unbuffered_is_not_retried_and_the_error_says_why()
    {
        await using RetryRig rig = await RetryRig.StartAsync();
        rig.Faults.Enqueue(RetryRig.CreateRoute, OciFault.Drop());
        rig.Faults.Enqueue(RetryRig.CreateRoute, OciFault.Error(503, "ServiceUnavailable"));

        OciRetryException dropped = await Assert.ThrowsAsync<OciRetryException>(() => rig.Http.SendAsync(StreamedCreate(rig)));
        using HttpResponseMessage unavailable = await rig.Http.SendAsync(StreamedCreate(rig));
        OciServiceException error = await OciServiceException.FromResponseAsync(unavailable);

        Assert.Contains("cannot be sent again", dropped.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(dropped.InnerException);
        Assert.Contains("was not retried", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be sent again", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, rig.Faults.CallCount(RetryRig.CreateRoute));
        Assert.Empty(rig.Clock.Timers);
    }

    [Fact]
    public async Task An_open_circuit_refuses_calls_until_its_break_has_passed()
    {
        var clock = new TestSupport.VirtualClock();
        var breaker = new OciCircuitBreaker(failureThreshold: 3, breakDuration: TimeSpan.FromSeconds(30), timeProvider: clock);
        await using RetryRig rig = await RetryRig.StartAsync(RetryRig.DefaultOptions with { MaxAttempts = 1, CircuitBreaker = breaker }, clock);
        User user = await rig.CreateUserAsync("u");
        rig.Faults.Enqueue(RetryRig.GetRoute, OciFault.Error(503, "ServiceUnavailable"), count: 3);

        for (int i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<OciServiceException>(() => rig.Users.GetUserAsync(user.Id));
        }

        OciCircuitOpenException open = await Assert.ThrowsAsync<OciCircuitOpenException>(() => rig.Users.GetUserAsync(user.Id));
        Assert.Equal(3, rig.Faults.CallCount(RetryRig.GetRoute));
        Assert.Equal(rig.Emulator.BaseAddress.GetLeftPart(UriPartial.Authority), open.Endpoint);
        Assert.True(breaker.IsOpen(rig.Emulator.BaseAddress));

        rig.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(user.Id, (await rig.Users.GetUserAsync(user.Id)).Data.Id);
        Assert.False(breaker.IsOpen(rig.Emulator.BaseAddress));
    }

    /// <summary>A create whose body is a one-way stream signed as sent (not buffered), so it cannot be replayed.</summary>
    private static HttpRequestMessage StreamedCreate(RetryRig rig)
    {
        byte[] json = System.Text.Encoding.UTF8.GetBytes($$"""{"compartmentId":"{{rig.Tenancy.TenancyId}}","name":"s","description":"d"}""");
        var request = new HttpRequestMessage(HttpMethod.Post, "/20160918/users")
        {
            Content = new StreamContent(new NonSeekableStream(json)),
        };
        request.Content.Headers.ContentLength = json.Length;
        request.Content.Headers.ContentType = new("application/json");
        request.SetOciSigningStrategy(OciSigningStrategy.ExcludeBody);
        return request;
    }

    /// <summary>Consumes timers already reported (the setup's) so the next read is the call's first.</summary>
    private static async Task SkipTimersAsync(RetryRig rig, int count)
    {
        for (int i = 0; i < count; i++)
        {
            await rig.Clock.NextTimerAsync();
        }
    }
}
