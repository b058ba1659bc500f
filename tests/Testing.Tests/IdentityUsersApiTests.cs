using System.Net;
using OciRaw.Samples.IdentityUsers;
using OciRaw.Testing.Tests.TestSupport;
using static OciRaw.Testing.Tests.TestSupport.IdentityUsersCalls;

namespace OciRaw.Testing.Tests;

/// <summary>
/// The emulated Identity users API through the generated <see cref="IIdentityUsers"/> client, built the way a user
/// builds it: <c>IIdentityUsers.Create(new HttpClient(new OciSigningHandler(OciSigner.FromConfig(OciConfig.FromFile(...)))))</c>.
/// </summary>
public sealed class IdentityUsersApiTests
{
    [Fact]
    public async Task Create_returns_the_user_with_an_etag_and_the_request_id_sent()
    {
        var clock = new FakeTimeProvider(WholeMilliseconds(DateTimeOffset.UtcNow));
        await using EmulatorContext context = await EmulatorContext.StartAsync(new OciEmulatorOptions { TimeProvider = clock });
        var details = new CreateUserDetails(context.Tenancy.TenancyId, "alice", "Alice A.")
        {
            Email = "alice@example.com",
            FreeformTags = new() { ["team"] = "blue", ["cost-center"] = "42" },
        };

        OciResponse<User> created = await context.Users.CreateUserAsync(details);

        User user = created.Data;
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Matches("^ocid1\\.user\\.oc1\\.\\.aaaaaaaa[a-z2-7]{52}$", user.Id);
        Assert.Equal(context.Tenancy.TenancyId, user.CompartmentId);
        Assert.Equal("alice", user.Name);
        Assert.Equal("Alice A.", user.Description);
        Assert.Equal("alice@example.com", user.Email);
        Assert.Equal(UserLifecycleState.Active, user.LifecycleState);
        Assert.Equal(clock.GetUtcNow(), user.TimeCreated);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "blue", ["cost-center"] = "42" }, user.FreeformTags);
        Assert.Empty(user.DefinedTags!);
        Assert.False(string.IsNullOrEmpty(created.ETag));
        string? sentRequestId = context.Tap.Sent.Single().Header("opc-request-id");
        Assert.False(string.IsNullOrEmpty(sentRequestId));
        Assert.Equal(sentRequestId, created.OpcRequestId);
    }

    [Fact]
    public async Task Get_returns_what_create_returned_with_the_same_etag()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        OciResponse<User> created = await context.Users.CreateUserAsync(context.NewUserDetails("bob", "Bob B.") with { Email = "bob@example.com" });

        OciResponse<User> fetched = await context.Users.GetUserAsync(created.Data.Id);

        Assert.Equal(created.ETag, fetched.ETag);
        Assert.Equal(created.Data.Id, fetched.Data.Id);
        Assert.Equal("bob", fetched.Data.Name);
        Assert.Equal("Bob B.", fetched.Data.Description);
        Assert.Equal("bob@example.com", fetched.Data.Email);
        Assert.Equal(created.Data.TimeCreated, fetched.Data.TimeCreated);
        Assert.Empty(fetched.Data.FreeformTags!);
    }

    [Fact]
    public async Task The_tenancy_is_created_with_the_user_that_owns_its_API_key()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        OciResponse<User> self = await context.Users.GetUserAsync(context.Tenancy.UserId);
        List<User> listed = await ListAllAsync(context.Users, context.Tenancy.TenancyId);

        Assert.Equal(context.Tenancy.UserId, self.Data.Id);
        Assert.Equal(context.Tenancy.TenancyId, self.Data.CompartmentId);
        Assert.Equal(UserLifecycleState.Active, self.Data.LifecycleState);
        Assert.Equal([context.Tenancy.UserId], listed.Select(u => u.Id));
    }

    [Fact]
    public async Task Update_with_the_current_etag_changes_only_the_given_fields_and_the_etag()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        OciResponse<User> created = await context.Users.CreateUserAsync(context.NewUserDetails("carol", "before") with
        {
            Email = "carol@example.com",
            FreeformTags = new() { ["a"] = "1" },
        });

        OciResponse<User> updated = await context.Users.UpdateUserAsync(created.Data.Id, new UpdateUserDetails { Description = "after" }, created.ETag);

        Assert.Equal("after", updated.Data.Description);
        Assert.Equal("carol", updated.Data.Name);
        Assert.Equal("carol@example.com", updated.Data.Email);
        Assert.Equal(new Dictionary<string, string> { ["a"] = "1" }, updated.Data.FreeformTags);
        Assert.Equal(created.Data.TimeCreated, updated.Data.TimeCreated);
        Assert.NotEqual(created.ETag, updated.ETag);
        OciResponse<User> fetched = await context.Users.GetUserAsync(created.Data.Id);
        Assert.Equal("after", fetched.Data.Description);
        Assert.Equal(updated.ETag, fetched.ETag);
    }

    [Fact]
    public async Task Update_replaces_email_and_tags_and_works_without_if_match()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        OciResponse<User> created = await context.Users.CreateUserAsync(context.NewUserDetails("dave") with { FreeformTags = new() { ["old"] = "x" } });

        OciResponse<User> updated = await context.Users.UpdateUserAsync(created.Data.Id,
            new UpdateUserDetails { Email = "dave@example.com", FreeformTags = new() { ["new"] = "y" } });

        Assert.Equal("dave@example.com", updated.Data.Email);
        Assert.Equal(new Dictionary<string, string> { ["new"] = "y" }, updated.Data.FreeformTags);
        Assert.Equal("created by a test", updated.Data.Description);
        Assert.Null(context.Tap.Sent[^1].Header("if-match"));
    }

    [Fact]
    public async Task Update_with_a_stale_if_match_is_412_with_the_request_id_the_client_sent()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        OciResponse<User> created = await context.Users.CreateUserAsync(context.NewUserDetails("erin", "original"));
        await context.Users.UpdateUserAsync(created.Data.Id, new UpdateUserDetails { Description = "first writer" }, created.ETag);

        OciServiceException e = await Assert.ThrowsAsync<OciServiceException>(
            () => context.Users.UpdateUserAsync(created.Data.Id, new UpdateUserDetails { Description = "lost update" }, created.ETag));

        Assert.Equal(HttpStatusCode.PreconditionFailed, e.StatusCode);
        Assert.Equal("NoEtagMatch", e.ServiceCode);
        SentRequest sent = context.Tap.Sent[^1];
        Assert.Equal(created.ETag, sent.Header("if-match"));
        Assert.False(string.IsNullOrEmpty(sent.Header("opc-request-id")));
        Assert.Equal(sent.Header("opc-request-id"), e.OpcRequestId);
        Assert.Contains(e.OpcRequestId!, e.Message, StringComparison.Ordinal);
        Assert.Equal("first writer", (await context.Users.GetUserAsync(created.Data.Id)).Data.Description);
    }

    [Fact]
    public async Task A_request_id_set_on_the_HttpClient_is_sent_and_comes_back_in_errors()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        OciResponse<User> created = await context.Users.CreateUserAsync(context.NewUserDetails("frank"));
        await context.Users.UpdateUserAsync(created.Data.Id, new UpdateUserDetails { Description = "changed" });
        HttpClient http = context.CreateHttp();
        http.DefaultRequestHeaders.Add("opc-request-id", "my-correlation-id-123");
        IIdentityUsers users = IIdentityUsers.Create(http);

        OciServiceException e = await Assert.ThrowsAsync<OciServiceException>(
            () => users.UpdateUserAsync(created.Data.Id, new UpdateUserDetails { Description = "stale" }, created.ETag));

        Assert.Equal(HttpStatusCode.PreconditionFailed, e.StatusCode);
        Assert.Equal("my-correlation-id-123", e.OpcRequestId);
    }

    [Fact]
    public async Task Delete_with_the_current_etag_removes_the_user()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        OciResponse<User> created = await context.Users.CreateUserAsync(context.NewUserDetails("gina"));

        await context.Users.DeleteUserAsync(created.Data.Id, created.ETag);

        OciServiceException e = await Assert.ThrowsAsync<OciServiceException>(() => context.Users.GetUserAsync(created.Data.Id));
        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.DoesNotContain(await ListAllAsync(context.Users, context.Tenancy.TenancyId), u => u.Id == created.Data.Id);
    }

    [Fact]
    public async Task Delete_with_a_stale_etag_is_412_and_keeps_the_user()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        OciResponse<User> created = await context.Users.CreateUserAsync(context.NewUserDetails("hank"));
        OciResponse<User> updated = await context.Users.UpdateUserAsync(created.Data.Id, new UpdateUserDetails { Description = "newer" });

        OciServiceException e = await Assert.ThrowsAsync<OciServiceException>(() => context.Users.DeleteUserAsync(created.Data.Id, created.ETag));

        Assert.Equal(HttpStatusCode.PreconditionFailed, e.StatusCode);
        Assert.Equal("NoEtagMatch", e.ServiceCode);
        Assert.Equal(updated.ETag, (await context.Users.GetUserAsync(created.Data.Id)).ETag);
    }

    [Fact]
    public async Task Delete_without_if_match_removes_the_user_and_a_second_delete_is_404()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        OciResponse<User> created = await context.Users.CreateUserAsync(context.NewUserDetails("ivy"));

        await context.Users.DeleteUserAsync(created.Data.Id);
        OciServiceException again = await Assert.ThrowsAsync<OciServiceException>(() => context.Users.DeleteUserAsync(created.Data.Id));

        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("NotAuthorizedOrNotFound", again.ServiceCode);
    }

    [Fact]
    public async Task Get_of_a_missing_user_is_404_NotAuthorizedOrNotFound_with_the_request_id()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        const string Missing = "ocid1.user.oc1..aaaaaaaadoesnotexist";

        OciServiceException e = await Assert.ThrowsAsync<OciServiceException>(() => context.Users.GetUserAsync(Missing));

        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Equal("NotAuthorizedOrNotFound", e.ServiceCode);
        Assert.Equal("Authorization failed or requested resource not found.", e.ServiceMessage);
        Assert.Equal(context.Tap.Sent.Single().Header("opc-request-id"), e.OpcRequestId);
        Assert.NotNull(e.OpcRequestId);
        Assert.Equal($"GET {context.Emulator.BaseAddress}20160918/users/{Missing}", e.Operation);
    }

    [Theory]
    [InlineData("delete")]
    [InlineData("update")]
    public async Task Delete_and_update_of_a_missing_user_are_404_with_the_request_id(string operation)
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        const string Missing = "ocid1.user.oc1..aaaaaaaadoesnotexist";

        OciServiceException e = await Assert.ThrowsAsync<OciServiceException>(() => operation == "delete"
            ? context.Users.DeleteUserAsync(Missing, "some-etag")
            : context.Users.UpdateUserAsync(Missing, new UpdateUserDetails { Description = "x" }, "some-etag"));

        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Equal("NotAuthorizedOrNotFound", e.ServiceCode);
        Assert.Equal(context.Tap.Sent.Single().Header("opc-request-id"), e.OpcRequestId);
        Assert.NotNull(e.OpcRequestId);
    }
}
