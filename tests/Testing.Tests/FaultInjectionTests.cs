using System.Diagnostics;
using System.Net;
using System.Text;
using OciRaw.Samples.IdentityUsers;
using OciRaw.Testing.Tests.TestSupport;

namespace OciRaw.Testing.Tests;

/// <summary>Scripted faults: error answers with Retry-After, slow answers, dropped connections, call counts and Reset.</summary>
public sealed class FaultInjectionTests
{
    private const string CreateRoute = "POST /20160918/users";
    private const string ListRoute = "GET /20160918/users";
    private const string GetRoute = "GET /20160918/users/{userId}";

    [Fact]
    public async Task Two_scripted_503s_with_Retry_After_then_the_request_is_served()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        context.Emulator.Faults.Enqueue(CreateRoute, OciFault.Error(503, "ServiceUnavailable", retryAfter: TimeSpan.FromSeconds(2)), count: 2);

        using HttpResponseMessage first = await context.Http.PostAsync("/20160918/users", CreateBody(context, "u1"));
        using HttpResponseMessage second = await context.Http.PostAsync("/20160918/users", CreateBody(context, "u1"));
        using HttpResponseMessage third = await context.Http.PostAsync("/20160918/users", CreateBody(context, "u1"));

        foreach (HttpResponseMessage faulted in new[] { first, second })
        {
            string message = await OciErrorAssert.IsErrorAsync(faulted, HttpStatusCode.ServiceUnavailable, "ServiceUnavailable");
            Assert.Equal("Injected fault: ServiceUnavailable.", message);
            Assert.Equal("2", Assert.Single(faulted.Headers.GetValues("Retry-After")));
            Assert.Equal(TimeSpan.FromSeconds(2), faulted.Headers.RetryAfter?.Delta);
            Assert.True(faulted.Headers.Contains("opc-request-id"));
        }

        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.False(third.Headers.Contains("Retry-After"));
        Assert.Equal(3, context.Emulator.Faults.CallCount(CreateRoute));
        // The faulted attempts created nothing: exactly one user named u1.
        Assert.Single(await ListAllAsync(context), u => u.Name == "u1");
    }

    [Fact]
    public async Task The_generated_client_sees_a_scripted_error_as_an_OciServiceException()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        context.Emulator.Faults.Enqueue(CreateRoute, OciFault.Error(429, "TooManyRequests", "Slow down."));

        OciServiceException e = await Assert.ThrowsAsync<OciServiceException>(() => context.Users.CreateUserAsync(context.NewUserDetails("u")));
        OciResponse<User> retried = await context.Users.CreateUserAsync(context.NewUserDetails("u"));

        Assert.Equal(HttpStatusCode.TooManyRequests, e.StatusCode);
        Assert.Equal("TooManyRequests", e.ServiceCode);
        Assert.Equal("Slow down.", e.ServiceMessage);
        Assert.Equal(context.Tap.Sent[0].Header("opc-request-id"), e.OpcRequestId);
        Assert.Equal("u", retried.Data.Name);
    }

    [Fact]
    public async Task An_error_without_retry_after_has_no_Retry_After_header()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        context.Emulator.Faults.Enqueue(ListRoute, OciFault.Error(500, "InternalServerError"));

        using HttpResponseMessage response = await context.Http.GetAsync(ListPath(context));

        await OciErrorAssert.IsErrorAsync(response, HttpStatusCode.InternalServerError, "InternalServerError");
        Assert.False(response.Headers.Contains("Retry-After"));
    }

    [Theory]
    [InlineData(1200, "2")]
    [InlineData(1000, "1")]
    [InlineData(60_000, "60")]
    public async Task Retry_After_is_given_in_whole_seconds_rounded_up(int milliseconds, string expected)
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        context.Emulator.Faults.Enqueue(ListRoute, OciFault.Error(503, "ServiceUnavailable", retryAfter: TimeSpan.FromMilliseconds(milliseconds)));

        using HttpResponseMessage response = await context.Http.GetAsync(ListPath(context));

        Assert.Equal(expected, Assert.Single(response.Headers.GetValues("Retry-After")));
    }

    [Fact]
    public async Task Faults_are_answered_in_the_order_they_were_scripted()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        context.Emulator.Faults.Enqueue(ListRoute, OciFault.Error(503, "ServiceUnavailable"));
        context.Emulator.Faults.Enqueue(ListRoute, OciFault.Error(429, "TooManyRequests"), count: 2);
        context.Emulator.Faults.Enqueue(ListRoute, OciFault.Error(500, "InternalServerError"));

        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 5; i++)
        {
            using HttpResponseMessage response = await context.Http.GetAsync(ListPath(context));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(
            [HttpStatusCode.ServiceUnavailable, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError, HttpStatusCode.OK],
            statuses);
    }

    [Fact]
    public async Task A_fault_applies_to_its_route_only_and_item_routes_match_any_user_id()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        OciResponse<User> created = await context.Users.CreateUserAsync(context.NewUserDetails("u"));
        context.Emulator.Faults.Enqueue(GetRoute, OciFault.Error(503, "ServiceUnavailable"), count: 2);

        using HttpResponseMessage list = await context.Http.GetAsync(ListPath(context));
        OciServiceException missing = await Assert.ThrowsAsync<OciServiceException>(() => context.Users.GetUserAsync("ocid1.user.oc1..aaaaaaaaother"));
        OciServiceException existing = await Assert.ThrowsAsync<OciServiceException>(() => context.Users.GetUserAsync(created.Data.Id));
        OciResponse<User> served = await context.Users.GetUserAsync(created.Data.Id);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, missing.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, existing.StatusCode);
        Assert.Equal(created.Data.Id, served.Data.Id);
        Assert.Equal(3, context.Emulator.Faults.CallCount(GetRoute));
        Assert.Equal(1, context.Emulator.Faults.CallCount(ListRoute));
        Assert.Equal(1, context.Emulator.Faults.CallCount(CreateRoute));
        Assert.Equal(0, context.Emulator.Faults.CallCount("DELETE /20160918/users/{userId}"));
    }

    [Fact]
    public async Task CallCount_counts_every_arrival_rejected_faulted_or_served()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        context.Emulator.Faults.Enqueue(ListRoute, OciFault.Error(503, "ServiceUnavailable"));

        using HttpResponseMessage faulted = await context.Http.GetAsync(ListPath(context));
        using HttpResponseMessage served = await context.Http.GetAsync(ListPath(context));
        using HttpResponseMessage unsigned = await context.CreateUnsignedHttp().GetAsync(ListPath(context));
        using HttpResponseMessage badRequest = await context.Http.GetAsync("/20160918/users");
        using HttpResponseMessage unknown = await context.Http.GetAsync("/20160918/groups");

        Assert.Equal(
            [HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest, HttpStatusCode.NotFound],
            new[] { faulted, served, unsigned, badRequest, unknown }.Select(r => r.StatusCode));
        Assert.Equal(4, context.Emulator.Faults.CallCount(ListRoute));
        Assert.Equal(1, context.Emulator.Faults.CallCount("GET /20160918/groups"));
    }

    [Fact]
    public async Task A_slow_answer_longer_than_HttpClient_Timeout_times_out_in_bounded_time()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        context.Emulator.Faults.Enqueue(CreateRoute, OciFault.Slow(TimeSpan.FromSeconds(30)));
        IIdentityUsers users = IIdentityUsers.Create(context.CreateHttp(timeout: TimeSpan.FromMilliseconds(500)));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TaskCanceledException>(() => users.CreateUserAsync(context.NewUserDetails("slow")));

        watch.Stop();
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(10));
        // The emulator noticed the client leaving: the slow request was never served.
        Assert.DoesNotContain(await ListAllAsync(context), u => u.Name == "slow");
        Assert.Equal(1, context.Emulator.Faults.CallCount(CreateRoute));
    }

    [Fact]
    public async Task An_emulator_with_a_pending_slow_answer_still_stops_promptly()
    {
        EmulatorContext context = await EmulatorContext.StartAsync();
        context.Emulator.Faults.Enqueue(ListRoute, OciFault.Slow(TimeSpan.FromMinutes(5)));
        Task<HttpResponseMessage> pending = context.Http.GetAsync(ListPath(context));
        await WaitUntilAsync(() => context.Emulator.Faults.CallCount(ListRoute) == 1);
        var watch = Stopwatch.StartNew();

        await context.DisposeAsync();

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(15));
        await Assert.ThrowsAnyAsync<Exception>(() => pending);
    }

    [Fact]
    public async Task A_slow_answer_within_the_timeout_is_served_after_the_delay()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        context.Emulator.Faults.Enqueue(CreateRoute, OciFault.Slow(TimeSpan.FromMilliseconds(600)));
        var watch = Stopwatch.StartNew();

        OciResponse<User> created = await context.Users.CreateUserAsync(context.NewUserDetails("patient"));

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(550), $"answered after {watch.Elapsed}");
        Assert.Equal("patient", created.Data.Name);
    }

    [Fact]
    public async Task Cancelling_a_call_during_a_slow_answer_throws_OperationCanceledException()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        context.Emulator.Faults.Enqueue(GetRoute, OciFault.Slow(TimeSpan.FromSeconds(30)));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => context.Users.GetUserAsync(context.Tenancy.UserId, cancel.Token));
    }

    [Fact]
    public async Task A_delayed_error_answers_after_the_delay()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        context.Emulator.Faults.Enqueue(ListRoute, OciFault.Error(503, "ServiceUnavailable").After(TimeSpan.FromMilliseconds(500)));
        var watch = Stopwatch.StartNew();

        using HttpResponseMessage response = await context.Http.GetAsync(ListPath(context));

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(450), $"answered after {watch.Elapsed}");
        await OciErrorAssert.IsErrorAsync(response, HttpStatusCode.ServiceUnavailable, "ServiceUnavailable");
    }

    [Fact]
    public async Task A_dropped_connection_is_an_HttpRequestException_and_the_request_is_not_served()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        context.Emulator.Faults.Enqueue(CreateRoute, OciFault.Drop());

        await Assert.ThrowsAsync<HttpRequestException>(() => context.Users.CreateUserAsync(context.NewUserDetails("dropped")));
        OciResponse<User> retried = await context.Users.CreateUserAsync(context.NewUserDetails("dropped"));

        Assert.Equal("dropped", retried.Data.Name);
        Assert.Single(await ListAllAsync(context), u => u.Name == "dropped");
        Assert.Equal(2, context.Emulator.Faults.CallCount(CreateRoute));
    }

    [Fact]
    public async Task A_drop_on_a_reused_connection_is_not_retried_behind_the_callers_back()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        using HttpResponseMessage warmUp = await context.Http.GetAsync(ListPath(context));
        context.Emulator.Faults.Enqueue(ListRoute, OciFault.Drop(TimeSpan.FromMilliseconds(100)));

        await Assert.ThrowsAsync<HttpRequestException>(() => context.Http.GetAsync(ListPath(context)));

        Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);
        Assert.Equal(2, context.Emulator.Faults.CallCount(ListRoute));
    }

    [Fact]
    public async Task Reset_clears_scripts_and_counts()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        context.Emulator.Faults.Enqueue(ListRoute, OciFault.Error(503, "ServiceUnavailable"), count: 3);
        context.Emulator.Faults.Enqueue(CreateRoute, OciFault.Drop());
        using HttpResponseMessage faulted = await context.Http.GetAsync(ListPath(context));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        Assert.Equal(1, context.Emulator.Faults.CallCount(ListRoute));

        context.Emulator.Faults.Reset();

        Assert.Equal(0, context.Emulator.Faults.CallCount(ListRoute));
        using HttpResponseMessage served = await context.Http.GetAsync(ListPath(context));
        OciResponse<User> created = await context.Users.CreateUserAsync(context.NewUserDetails("after-reset"));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("after-reset", created.Data.Name);
        Assert.Equal(1, context.Emulator.Faults.CallCount(ListRoute));
        Assert.Equal(1, context.Emulator.Faults.CallCount(CreateRoute));
    }

    [Fact]
    public async Task Enqueue_rejects_bad_arguments()
    {
        await using OciEmulator emulator = await OciEmulator.StartAsync();
        OciFault fault = OciFault.Error(503, "ServiceUnavailable");

        Assert.Throws<ArgumentOutOfRangeException>(() => emulator.Faults.Enqueue(ListRoute, fault, count: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => emulator.Faults.Enqueue(ListRoute, fault, count: -1));
        Assert.Throws<ArgumentException>(() => emulator.Faults.Enqueue(" ", fault));
        Assert.Throws<ArgumentNullException>(() => emulator.Faults.Enqueue(ListRoute, null!));
    }

    [Fact]
    public void Fault_factories_reject_what_cannot_be_answered()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OciFault.Error(42, "Weird"));
        Assert.Throws<ArgumentOutOfRangeException>(() => OciFault.Error(200, "NotAnError"));
        Assert.Throws<ArgumentOutOfRangeException>(() => OciFault.Error(600, "Weird"));
        Assert.Throws<ArgumentOutOfRangeException>(() => OciFault.Error(503, "ServiceUnavailable", retryAfter: TimeSpan.FromSeconds(-3)));
        Assert.Throws<ArgumentException>(() => OciFault.Error(503, " "));
        Assert.Throws<ArgumentOutOfRangeException>(() => OciFault.Slow(TimeSpan.FromMilliseconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => OciFault.Drop(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => OciFault.Error(503, "ServiceUnavailable").After(TimeSpan.FromSeconds(-1)));
        Assert.Equal(599, OciFault.Error(599, "Edge").Status);
        Assert.Equal(400, OciFault.Error(400, "Edge", retryAfter: TimeSpan.Zero).Status);
    }

    [Fact]
    public void Fault_factories_describe_what_they_do()
    {
        OciFault error = OciFault.Error(503, "ServiceUnavailable", retryAfter: TimeSpan.FromSeconds(2));
        OciFault slow = OciFault.Slow(TimeSpan.FromSeconds(3));
        OciFault drop = OciFault.Drop();
        OciFault delayed = error.After(TimeSpan.FromSeconds(1));

        Assert.Equal((503, "ServiceUnavailable", TimeSpan.FromSeconds(2), TimeSpan.Zero, false), (error.Status, error.Code, error.RetryAfter, error.Delay, error.DropConnection));
        Assert.Equal((null, TimeSpan.FromSeconds(3), false), ((int?)slow.Status, slow.Delay, slow.DropConnection));
        Assert.True(drop.DropConnection);
        Assert.Null(drop.Status);
        Assert.Equal(TimeSpan.FromSeconds(1), delayed.Delay);
        Assert.Equal(TimeSpan.Zero, error.Delay); // After returns a copy
        Assert.Equal(503, delayed.Status);
    }

    private static string ListPath(EmulatorContext context) => $"/20160918/users?compartmentId={context.Tenancy.TenancyId}";

    private static StringContent CreateBody(EmulatorContext context, string name) =>
        new($$"""{"compartmentId":"{{context.Tenancy.TenancyId}}","name":"{{name}}","description":"d"}""", Encoding.UTF8, "application/json");

    private static async Task<List<User>> ListAllAsync(EmulatorContext context)
    {
        var all = new List<User>();
        await foreach (User user in context.Users.ListUsersAsync(context.Tenancy.TenancyId))
        {
            all.Add(user);
        }

        return all;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "The condition did not become true within 10 s.");
            await Task.Delay(20);
        }
    }
}
