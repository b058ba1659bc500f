using System.Net;
using OciRaw.Samples.IdentityUsers;
using OciRaw.Testing.Tests.TestSupport;
using static OciRaw.Testing.Tests.TestSupport.IdentityUsersCalls;

namespace OciRaw.Testing.Tests;

/// <summary>
/// Idempotent create in the emulated Identity users API: an <c>opc-retry-token</c> returns the same user for the same
/// body for 24 hours, conflicts on another body, and makes one user under concurrent retries.
/// </summary>
public sealed class IdentityUsersRetryTokenTests
{
    [Fact]
    public async Task The_same_retry_token_and_body_return_the_same_user()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        CreateUserDetails details = context.NewUserDetails("jane");

        OciResponse<User> first = await context.Users.CreateUserAsync(details, retryToken: "token-1");
        OciResponse<User> second = await context.Users.CreateUserAsync(details, retryToken: "token-1");

        Assert.Equal(first.Data.Id, second.Data.Id);
        Assert.Equal(first.ETag, second.ETag);
        Assert.Single(await ListAllAsync(context.Users, context.Tenancy.TenancyId), u => u.Name == "jane");
        Assert.All(context.Tap.Sent.Where(r => r.Method == "POST"), r => Assert.Equal("token-1", r.Header("opc-retry-token")));
    }

    [Fact]
    public async Task The_same_retry_token_with_another_body_is_409_Conflict()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        OciResponse<User> first = await context.Users.CreateUserAsync(context.NewUserDetails("kate"), retryToken: "token-2");

        OciServiceException e = await Assert.ThrowsAsync<OciServiceException>(
            () => context.Users.CreateUserAsync(context.NewUserDetails("kate", "another description"), retryToken: "token-2"));

        Assert.Equal(HttpStatusCode.Conflict, e.StatusCode);
        Assert.Equal("Conflict", e.ServiceCode);
        Assert.Contains("opc-retry-token", e.ServiceMessage, StringComparison.Ordinal);
        Assert.Equal(context.Tap.Sent[^1].Header("opc-request-id"), e.OpcRequestId);
        Assert.Equal("created by a test", (await context.Users.GetUserAsync(first.Data.Id)).Data.Description);
    }

    [Fact]
    public async Task A_retried_create_returns_the_user_even_after_it_was_updated()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        CreateUserDetails details = context.NewUserDetails("liam");
        OciResponse<User> first = await context.Users.CreateUserAsync(details, retryToken: "token-3");
        OciResponse<User> updated = await context.Users.UpdateUserAsync(first.Data.Id, new UpdateUserDetails { Description = "changed" });

        OciResponse<User> replayed = await context.Users.CreateUserAsync(details, retryToken: "token-3");

        Assert.Equal(first.Data.Id, replayed.Data.Id);
        Assert.Equal(updated.ETag, replayed.ETag);
    }

    [Fact]
    public async Task A_retried_create_whose_user_was_deleted_is_409_and_creates_nothing()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        CreateUserDetails details = context.NewUserDetails("maya");
        OciResponse<User> first = await context.Users.CreateUserAsync(details, retryToken: "token-5");
        await context.Users.DeleteUserAsync(first.Data.Id);

        OciServiceException e = await Assert.ThrowsAsync<OciServiceException>(() => context.Users.CreateUserAsync(details, retryToken: "token-5"));

        Assert.Equal(HttpStatusCode.Conflict, e.StatusCode);
        Assert.Contains("deleted", e.ServiceMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(await ListAllAsync(context.Users, context.Tenancy.TenancyId), u => u.Name == "maya");
        Assert.Equal("maya", (await context.Users.CreateUserAsync(details, retryToken: "token-6")).Data.Name);
    }

    [Fact]
    public async Task Without_a_retry_token_a_second_create_of_the_same_name_is_409()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        await context.Users.CreateUserAsync(context.NewUserDetails("mia"));

        OciServiceException e = await Assert.ThrowsAsync<OciServiceException>(() => context.Users.CreateUserAsync(context.NewUserDetails("mia")));

        Assert.Equal(HttpStatusCode.Conflict, e.StatusCode);
        Assert.Contains("mia", e.ServiceMessage, StringComparison.Ordinal);
        Assert.Single(await ListAllAsync(context.Users, context.Tenancy.TenancyId), u => u.Name == "mia");
    }

    [Fact]
    public async Task A_retry_token_expires_after_24_hours()
    {
        var clock = new FakeTimeProvider(WholeMilliseconds(DateTimeOffset.UtcNow));
        await using EmulatorContext context = await EmulatorContext.StartAsync(new OciEmulatorOptions { TimeProvider = clock });
        // The client signs with the same (moved) clock, so that the dates stay valid.
        var signer = new ApiKeySigner(context.Tenancy.TenancyId, context.Tenancy.UserId, context.Tenancy.Fingerprint, context.Tenancy.KeyFile, passPhrase: null, new OciSignerOptions { TimeProvider = clock });
        IIdentityUsers users = IIdentityUsers.Create(context.CreateHttp(signer));
        await users.CreateUserAsync(context.NewUserDetails("noah"), retryToken: "token-4");

        clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        OciServiceException stillKnown = await Assert.ThrowsAsync<OciServiceException>(
            () => users.CreateUserAsync(context.NewUserDetails("olivia"), retryToken: "token-4"));
        clock.Advance(TimeSpan.FromSeconds(2));
        OciResponse<User> afterExpiry = await users.CreateUserAsync(context.NewUserDetails("olivia"), retryToken: "token-4");

        Assert.Equal(HttpStatusCode.Conflict, stillKnown.StatusCode);
        Assert.Equal("olivia", afterExpiry.Data.Name);
        Assert.Equal(clock.GetUtcNow(), afterExpiry.Data.TimeCreated);
    }

    [Fact]
    public async Task Concurrent_creates_with_one_retry_token_make_one_user()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        CreateUserDetails details = context.NewUserDetails("parallel");

        OciResponse<User>[] results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => context.Users.CreateUserAsync(details, retryToken: "token-5")));

        Assert.Single(results.Select(r => r.Data.Id).Distinct());
        Assert.Single(await ListAllAsync(context.Users, context.Tenancy.TenancyId), u => u.Name == "parallel");
    }

    [Fact]
    public async Task Concurrent_creates_of_distinct_users_all_succeed()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        OciResponse<User>[] results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => context.Users.CreateUserAsync(context.NewUserDetails($"user-{i}"))));

        Assert.Equal(12, results.Select(r => r.Data.Id).Distinct().Count());
        Assert.Equal(13, (await ListAllAsync(context.Users, context.Tenancy.TenancyId)).Count);
    }
}
