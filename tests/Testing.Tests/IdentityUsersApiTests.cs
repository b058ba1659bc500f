using System.Net;
using System.Text;
using OciRaw.Samples.IdentityUsers;
using OciRaw.Testing.Tests.TestSupport;

namespace OciRaw.Testing.Tests;

/// <summary>
/// The emulated Identity users API through the generated <see cref="IIdentityUsers"/> client, built the way a user
/// builds it: <c>IIdentityUsers.Create(new HttpClient(new OciSigningHandler(OciSigner.FromConfig(OciConfig.FromFile(...)))))</c>.
/// </summary>
public sealed class IdentityUsersApiTests
{
    private const string UsersPath = "/20160918/users";

    // ---- create / get / update / delete ------------------------------------------------------------------------

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

    // ---- idempotent create ------------------------------------------------------------------------------------

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

    // ---- validation --------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("{}", "compartmentId, name, description")]
    [InlineData("""{"name":"n","description":"d"}""", "compartmentId")]
    [InlineData("""{"compartmentId":"{tenancy}","description":"d"}""", "name")]
    [InlineData("""{"compartmentId":"{tenancy}","name":"n"}""", "description")]
    [InlineData("""{"compartmentId":"{tenancy}","name":"  ","description":""}""", "name, description")]
    [InlineData("""{"compartmentId":"{tenancy}","name":42,"description":null}""", "name, description")]
    public async Task A_create_without_required_fields_is_400_InvalidParameter_naming_them(string json, string missing)
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        string body = json.Replace("{tenancy}", context.Tenancy.TenancyId, StringComparison.Ordinal);

        using HttpResponseMessage response = await context.Http.PostAsync(UsersPath, new StringContent(body, Encoding.UTF8, "application/json"));

        string message = await OciErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidParameter");
        Assert.Equal($"Missing or empty required field(s): {missing}.", message);
        Assert.Equal([context.Tenancy.UserId], (await ListAllAsync(context.Users, context.Tenancy.TenancyId)).Select(u => u.Id));
    }

    [Fact]
    public async Task The_generated_client_gets_400_for_an_empty_name()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        OciServiceException e = await Assert.ThrowsAsync<OciServiceException>(
            () => context.Users.CreateUserAsync(new CreateUserDetails(context.Tenancy.TenancyId, "", "d")));

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal("InvalidParameter", e.ServiceCode);
        Assert.Contains("name", e.ServiceMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("description", e.ServiceMessage, StringComparison.Ordinal);
        Assert.Equal(context.Tap.Sent.Single().Header("opc-request-id"), e.OpcRequestId);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"a string\"")]
    [InlineData("{\"name\":")]
    [InlineData("not json")]
    public async Task A_create_whose_body_is_not_a_JSON_object_is_400_CannotParseRequest(string body)
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        using HttpResponseMessage response = await context.Http.PostAsync(UsersPath, new StringContent(body, Encoding.UTF8, "application/json"));

        await OciErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "CannotParseRequest");
    }

    [Fact]
    public async Task A_create_in_another_compartment_is_400()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        OciServiceException e = await Assert.ThrowsAsync<OciServiceException>(
            () => context.Users.CreateUserAsync(new CreateUserDetails("ocid1.compartment.oc1..aaaaaaaasub", "p", "d")));

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal("InvalidParameter", e.ServiceCode);
        Assert.Contains("compartmentId", e.ServiceMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_of_a_compartment_that_is_not_the_tenancy_is_404()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        using HttpResponseMessage response = await context.Http.GetAsync($"{UsersPath}?compartmentId=ocid1.compartment.oc1..aaaaaaaasub");

        await OciErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "NotAuthorizedOrNotFound");
    }

    [Fact]
    public async Task An_update_whose_body_is_not_a_JSON_object_is_400_and_changes_nothing()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        OciResponse<User> created = await context.Users.CreateUserAsync(context.NewUserDetails("quinn"));

        using HttpResponseMessage response = await context.Http.PutAsync($"{UsersPath}/{created.Data.Id}", new StringContent("[1]", Encoding.UTF8, "application/json"));

        await OciErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "CannotParseRequest");
        Assert.Equal(created.ETag, (await context.Users.GetUserAsync(created.Data.Id)).ETag);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?limit=10")]
    [InlineData("?compartmentId=")]
    public async Task A_list_without_compartmentId_is_400(string query)
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        using HttpResponseMessage response = await context.Http.GetAsync(UsersPath + query);

        string message = await OciErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "MissingParameter");
        Assert.Contains("compartmentId", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1001")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("")]
    [InlineData("99999999999")]
    public async Task A_list_with_a_bad_limit_is_400_InvalidParameter(string limit)
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        using HttpResponseMessage response = await context.Http.GetAsync($"{UsersPath}?compartmentId={context.Tenancy.TenancyId}&limit={limit}");

        string message = await OciErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidParameter");
        Assert.Contains("limit", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_generated_client_gets_400_for_limit_zero()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        OciServiceException e = await Assert.ThrowsAsync<OciServiceException>(() => context.Users.ListUsersPageAsync(context.Tenancy.TenancyId, limit: 0));

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal("InvalidParameter", e.ServiceCode);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    public async Task The_limits_1_and_1000_are_accepted(int limit)
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        await context.Users.CreateUserAsync(context.NewUserDetails("rose"));

        OciResponse<List<User>> page = await context.Users.ListUsersPageAsync(context.Tenancy.TenancyId, limit);

        Assert.Equal(limit == 1 ? 1 : 2, page.Data.Count);
        Assert.Equal(limit == 1, page.OpcNextPage is not null);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("1")]
    [InlineData("emu-page-")]
    [InlineData("emu-page-!!!")]
    [InlineData("emu-page-LTE=")] // "-1"
    public async Task A_list_with_a_bad_page_token_is_400_InvalidParameter(string page)
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        OciServiceException e = await Assert.ThrowsAsync<OciServiceException>(
            () => context.Users.ListUsersPageAsync(context.Tenancy.TenancyId, page: page));

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal("InvalidParameter", e.ServiceCode);
        Assert.Contains("page", e.ServiceMessage, StringComparison.Ordinal);
    }

    // ---- pagination --------------------------------------------------------------------------------------------

    [Fact]
    public async Task ListUsersPageAsync_walks_three_pages_by_opc_next_page()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        List<string> expected = [context.Tenancy.UserId, .. await CreateUsersAsync(context, 7)];

        var pages = new List<OciResponse<List<User>>>();
        string? page = null;
        do
        {
            OciResponse<List<User>> response = await context.Users.ListUsersPageAsync(context.Tenancy.TenancyId, limit: 3, page: page);
            pages.Add(response);
            page = response.OpcNextPage;
        }
        while (page is not null && pages.Count < 10);

        Assert.Equal([3, 3, 2], pages.Select(p => p.Data.Count));
        Assert.NotNull(pages[0].OpcNextPage);
        Assert.NotNull(pages[1].OpcNextPage);
        Assert.NotEqual(pages[0].OpcNextPage, pages[1].OpcNextPage);
        Assert.Null(pages[2].OpcNextPage);
        Assert.Equal(expected, pages.SelectMany(p => p.Data).Select(u => u.Id));
        // The tokens went out verbatim as the page query parameter.
        Assert.Equal(
            [null, pages[0].OpcNextPage, pages[1].OpcNextPage],
            context.Tap.Sent.Where(r => r.Method == "GET").Select(r => QueryValue(r.Uri, "page")));
    }

    [Fact]
    public async Task ListUsersAsync_follows_opc_next_page_lazily_over_every_page()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        List<string> expected = [context.Tenancy.UserId, .. await CreateUsersAsync(context, 7)];
        context.Emulator.Faults.Reset();

        var seen = new List<string>();
        var callsBeforeItem = new List<int>();
        await foreach (User user in context.Users.ListUsersAsync(context.Tenancy.TenancyId, limit: 3))
        {
            seen.Add(user.Id);
            callsBeforeItem.Add(context.Emulator.Faults.CallCount("GET /20160918/users"));
        }

        Assert.Equal(expected, seen);
        // One request per page, each sent only when its first item is needed.
        Assert.Equal([1, 1, 1, 2, 2, 2, 3, 3], callsBeforeItem);
        Assert.Equal(3, context.Emulator.Faults.CallCount("GET /20160918/users"));
    }

    [Fact]
    public async Task A_list_that_ends_exactly_on_a_page_boundary_has_no_next_page()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        await CreateUsersAsync(context, 5); // 6 users with the tenancy's own
        context.Emulator.Faults.Reset();

        OciResponse<List<User>> first = await context.Users.ListUsersPageAsync(context.Tenancy.TenancyId, limit: 3);
        OciResponse<List<User>> second = await context.Users.ListUsersPageAsync(context.Tenancy.TenancyId, limit: 3, page: first.OpcNextPage);
        List<User> all = await ListAllAsync(context.Users, context.Tenancy.TenancyId, limit: 3);

        Assert.NotNull(first.OpcNextPage);
        Assert.Equal(3, second.Data.Count);
        Assert.Null(second.OpcNextPage);
        Assert.Equal(6, all.Count);
        Assert.Equal(4, context.Emulator.Faults.CallCount("GET /20160918/users")); // 2 + 2: no empty third page
    }

    [Fact]
    public async Task Stopping_the_enumeration_early_sends_no_further_page_request()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        await CreateUsersAsync(context, 7);
        context.Emulator.Faults.Reset();

        User? fourth = null;
        int index = 0;
        await foreach (User user in context.Users.ListUsersAsync(context.Tenancy.TenancyId, limit: 2))
        {
            if (++index == 4)
            {
                fourth = user;
                break;
            }
        }

        Assert.NotNull(fourth);
        Assert.Equal(2, context.Emulator.Faults.CallCount("GET /20160918/users"));
    }

    [Fact]
    public async Task The_default_list_returns_everything_on_one_page()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        await CreateUsersAsync(context, 4);

        OciResponse<List<User>> page = await context.Users.ListUsersPageAsync(context.Tenancy.TenancyId);

        Assert.Equal(5, page.Data.Count);
        Assert.Null(page.OpcNextPage);
    }

    // ---- tenancy isolation -------------------------------------------------------------------------------------

    [Fact]
    public async Task A_user_of_one_tenancy_does_not_exist_for_another()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        (TestTenancy otherTenancy, _, IIdentityUsers other) = context.CreateOtherTenancy();
        OciResponse<User> mine = await context.Users.CreateUserAsync(context.NewUserDetails("private"));

        OciServiceException get = await Assert.ThrowsAsync<OciServiceException>(() => other.GetUserAsync(mine.Data.Id));
        OciServiceException getOwner = await Assert.ThrowsAsync<OciServiceException>(() => other.GetUserAsync(context.Tenancy.UserId));
        OciServiceException update = await Assert.ThrowsAsync<OciServiceException>(
            () => other.UpdateUserAsync(mine.Data.Id, new UpdateUserDetails { Description = "hijacked" }));
        OciServiceException delete = await Assert.ThrowsAsync<OciServiceException>(() => other.DeleteUserAsync(mine.Data.Id));

        foreach (OciServiceException e in new[] { get, getOwner, update, delete })
        {
            Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
            Assert.Equal("NotAuthorizedOrNotFound", e.ServiceCode);
        }

        OciResponse<User> stillMine = await context.Users.GetUserAsync(mine.Data.Id);
        Assert.Equal(mine.ETag, stillMine.ETag);
        Assert.Equal("created by a test", stillMine.Data.Description);
        Assert.Equal([otherTenancy.UserId], (await ListAllAsync(other, otherTenancy.TenancyId)).Select(u => u.Id));
    }

    [Fact]
    public async Task A_tenancy_cannot_list_or_create_users_in_another_tenancy()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        (_, HttpClient otherHttp, IIdentityUsers other) = context.CreateOtherTenancy();
        await context.Users.CreateUserAsync(context.NewUserDetails("private"));

        using HttpResponseMessage listed = await otherHttp.GetAsync($"{UsersPath}?compartmentId={context.Tenancy.TenancyId}");
        OciServiceException create = await Assert.ThrowsAsync<OciServiceException>(() => other.CreateUserAsync(context.NewUserDetails("intruder")));

        string text = await listed.Content.ReadAsStringAsync();
        Assert.DoesNotContain("private", text, StringComparison.Ordinal);
        Assert.DoesNotContain(context.Tenancy.UserId, text, StringComparison.Ordinal);
        await OciErrorAssert.IsErrorAsync(listed, HttpStatusCode.NotFound, "NotAuthorizedOrNotFound");
        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        Assert.Equal("NotAuthorizedOrNotFound", create.ServiceCode);
        Assert.DoesNotContain(await ListAllAsync(context.Users, context.Tenancy.TenancyId), u => u.Name == "intruder");
    }

    [Theory]
    [InlineData("xkeyId")]
    [InlineData("KeyId")]
    [InlineData("keyIdx")]
    public async Task An_extra_Authorization_parameter_naming_another_tenancy_does_not_switch_tenancy(string parameter)
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        OciResponse<User> victim = await context.Users.CreateUserAsync(context.NewUserDetails("victim"));
        (TestTenancy attacker, _, _) = context.CreateOtherTenancy();
        // The attacker signs correctly with its own key, then (Authorization itself is never signed) puts a parameter
        // whose name merely contains "keyId" and whose value names the victim's tenancy in front of the real keyId.
        HttpClient http = context.CreateHttp(OciSigner.FromConfig(OciConfig.FromFile(attacker.ConfigFile)), request =>
        {
            string authorization = request.Headers.Authorization!.ToString();
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization",
                authorization.Replace("Signature ", $"Signature {parameter}=\"{context.Tenancy.TenancyId}/x/y\",", StringComparison.Ordinal));
            return Task.CompletedTask;
        });

        using HttpResponseMessage get = await http.GetAsync($"{UsersPath}/{victim.Data.Id}");
        using HttpResponseMessage delete = await http.DeleteAsync($"{UsersPath}/{victim.Data.Id}");

        await OciErrorAssert.IsErrorAsync(get, HttpStatusCode.NotFound, "NotAuthorizedOrNotFound");
        await OciErrorAssert.IsErrorAsync(delete, HttpStatusCode.NotFound, "NotAuthorizedOrNotFound");
        Assert.Equal(victim.ETag, (await context.Users.GetUserAsync(victim.Data.Id)).ETag);
    }

    [Fact]
    public async Task Names_and_retry_tokens_are_per_tenancy()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        (TestTenancy otherTenancy, _, IIdentityUsers other) = context.CreateOtherTenancy();

        OciResponse<User> a = await context.Users.CreateUserAsync(context.NewUserDetails("same-name"), retryToken: "shared-token");
        OciResponse<User> b = await other.CreateUserAsync(new CreateUserDetails(otherTenancy.TenancyId, "same-name", "created by a test"), retryToken: "shared-token");

        Assert.NotEqual(a.Data.Id, b.Data.Id);
        Assert.Equal(otherTenancy.TenancyId, b.Data.CompartmentId);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static async Task<List<string>> CreateUsersAsync(EmulatorContext context, int count)
    {
        var ids = new List<string>();
        for (int i = 0; i < count; i++)
        {
            ids.Add((await context.Users.CreateUserAsync(context.NewUserDetails($"user-{i}"))).Data.Id);
        }

        return ids;
    }

    private static async Task<List<User>> ListAllAsync(IIdentityUsers users, string compartmentId, int? limit = null)
    {
        var all = new List<User>();
        await foreach (User user in users.ListUsersAsync(compartmentId, limit))
        {
            all.Add(user);
        }

        return all;
    }

    private static string? QueryValue(Uri uri, string name) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair[0] == name)
            .Select(pair => Uri.UnescapeDataString(pair[1]))
            .FirstOrDefault();

    private static DateTimeOffset WholeMilliseconds(DateTimeOffset value) => new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMillisecond), value.Offset);
}
