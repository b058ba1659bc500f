using System.Net;
using System.Security.Cryptography;
using System.Text;
using OciRaw.Client.Tests.TestSupport;

namespace OciRaw.Client.Tests;

/// <summary>
/// The generated IIdentityUsers client over a real socket: HttpClient -> OciSigningHandler (ApiKeySigner) -> loopback
/// server, which verifies every request from the bytes that arrived, with an RSA implementation independent of the
/// library's (BouncyCastle), before it answers.
/// </summary>
public sealed class EndToEndTests : IAsyncLifetime
{
    private const string Fingerprint = "a1:48:44:36:f7:bd:31:20:06:6a:4b:fb:2d:0c:72:c1";
    private const string Tenancy = "ocid1.tenancy.oc1..aaaaaaaae2etenancy";
    private const string UserOcid = "ocid1.user.oc1..aaaaaaaae2euser";
    private const string Compartment = "ocid1.compartment.oc1..aaaaaaaae2e";

    private static readonly string KeyPath = Path.Combine(AppContext.BaseDirectory, "TestData", "keys", "test_rsa2048.pem");

    private readonly ApiKeySigner _signer = new(Tenancy, UserOcid, Fingerprint, KeyPath);
    private FakeIdentityService _service = null!;
    private LoopbackHttpServer _server = null!;
    private HttpClient _http = null!;
    private IIdentityUsers _users = null!;

    public async Task InitializeAsync()
    {
        // The verifier gets the public key from the PEM file itself, not from the signer under test.
        using RSA key = RSA.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(KeyPath));
        _service = new FakeIdentityService(new WireSignatureVerifier(key.ExportSubjectPublicKeyInfo(), $"{Tenancy}/{UserOcid}/{Fingerprint}"));
        _server = new LoopbackHttpServer(_service.Respond);
        _http = new HttpClient(new OciSigningHandler(_signer)) { BaseAddress = new Uri($"http://127.0.0.1:{_server.Port}/") };
        _users = IIdentityUsers.Create(_http);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Create_sends_a_signed_json_body()
    {
        User user = await _users.CreateUserAsync(new CreateUserDetails(Compartment, "alice", "Alice A.") { Email = null }, retryToken: "retry-alice");

        Assert.Equal("alice", user.Name);
        Assert.Equal(LifecycleState.Active, user.LifecycleState);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero), user.TimeCreated);
        ArrivedRequest arrived = Assert.Single(_server.Received);
        Assert.Equal("POST", arrived.Method);
        Assert.Equal("/20160918/users", arrived.Target);
        Assert.Equal("""{"compartmentId":"ocid1.compartment.oc1..aaaaaaaae2e","name":"alice","description":"Alice A."}""", Encoding.UTF8.GetString(arrived.Body));
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(arrived.Body)), arrived.Header("x-content-sha256"));
        Assert.Equal(arrived.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), arrived.Header("content-length"));
        Assert.Equal("retry-alice", arrived.Header("opc-retry-token"));
        Assert.Matches("^[0-9A-F]{32}$", arrived.Header("opc-request-id"));
        AssertEveryRequestVerified();
    }

    [Fact]
    public async Task Get_returns_data_and_headers_from_a_signed_get()
    {
        FakeIdentityService.StoredUser stored = _service.Add(Compartment, "bob", "Bob B.");

        OciResponse<User> response = await _users.GetUserAsync(stored.Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(stored.Id, response.Data.Id);
        Assert.Equal("Bob B.", response.Data.Description);
        Assert.Equal(stored.ETag, response.ETag);
        ArrivedRequest arrived = Assert.Single(_server.Received);
        Assert.Equal($"/20160918/users/{stored.Id}", arrived.Target);
        Assert.Equal(arrived.Header("opc-request-id"), response.OpcRequestId); // the service echoes what the client sent
        Assert.Null(arrived.Header("x-content-sha256"));
        AssertEveryRequestVerified();
    }

    [Fact]
    public async Task Escaped_route_values_are_signed_as_they_arrive()
    {
        var error = await Assert.ThrowsAsync<OciServiceException>(() => _users.GetUserAsync("ocid1.user/../x y+z%é"));

        // 404, not 401: the service verified the signature over the escaped target before looking the user up.
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("NotAuthorizedOrNotFound", error.ServiceCode);
        Assert.Equal("/20160918/users/ocid1.user%2F..%2Fx%20y%2Bz%25%C3%A9", Assert.Single(_server.Received).Target);
        Assert.Equal(_server.Received[0].Header("opc-request-id"), error.OpcRequestId);
        AssertEveryRequestVerified();
    }

    [Fact]
    public async Task List_follows_three_pages_of_signed_requests()
    {
        foreach (string name in new[] { "u1", "u2", "u3", "u4", "u5" })
        {
            _service.Add(Compartment, name, "user " + name);
        }

        _service.Add("ocid1.compartment.oc1..other", "not-listed", "elsewhere");

        List<string> names = [];
        await foreach (User user in _users.ListUsersAsync(Compartment, limit: 2))
        {
            names.Add(user.Name!);
        }

        Assert.Equal(["u1", "u2", "u3", "u4", "u5"], names);
        Assert.Equal(
            [
                "/20160918/users?compartmentId=ocid1.compartment.oc1..aaaaaaaae2e&limit=2",
                "/20160918/users?compartmentId=ocid1.compartment.oc1..aaaaaaaae2e&limit=2&page=2",
                "/20160918/users?compartmentId=ocid1.compartment.oc1..aaaaaaaae2e&limit=2&page=4",
            ],
            _server.Received.Select(r => r.Target));
        Assert.Equal(3, _server.Received.Select(r => r.Header("opc-request-id")).Distinct().Count());
        AssertEveryRequestVerified();
    }

    [Fact]
    public async Task Delete_sends_a_signed_delete_with_if_match()
    {
        FakeIdentityService.StoredUser stored = _service.Add(Compartment, "carol", "Carol C.");

        await _users.DeleteUserAsync(stored.Id, ifMatch: stored.ETag);

        Assert.Empty(_service.Users);
        ArrivedRequest arrived = Assert.Single(_server.Received);
        Assert.Equal("DELETE", arrived.Method);
        Assert.Equal($"/20160918/users/{stored.Id}", arrived.Target);
        Assert.Equal(stored.ETag, arrived.Header("if-match"));
        Assert.Empty(arrived.Body);
        AssertEveryRequestVerified();
    }

    [Fact]
    public async Task Delete_with_a_stale_etag_gives_the_service_error()
    {
        FakeIdentityService.StoredUser stored = _service.Add(Compartment, "dave", "Dave D.");

        var error = await Assert.ThrowsAsync<OciServiceException>(() => _users.DeleteUserAsync(stored.Id, ifMatch: "stale"));

        Assert.Equal(HttpStatusCode.PreconditionFailed, error.StatusCode);
        Assert.Equal("NoEtagMatch", error.ServiceCode);
        Assert.Single(_service.Users);
        AssertEveryRequestVerified();
    }

    [Fact]
    public async Task Create_get_list_delete_round_trip()
    {
        User alice = await _users.CreateUserAsync(new CreateUserDetails(Compartment, "alice", "first"));
        User bob = await _users.CreateUserAsync(new CreateUserDetails(Compartment, "bob", "second") { Email = "bob@example.com" });
        User carol = await _users.CreateUserAsync(new CreateUserDetails(Compartment, "carol", "third"));

        OciResponse<User> got = await _users.GetUserAsync(bob.Id);
        List<string> listed = [];
        await foreach (User user in _users.ListUsersAsync(Compartment, limit: 1))
        {
            listed.Add(user.Id);
        }

        await _users.DeleteUserAsync(alice.Id, ifMatch: (await _users.GetUserAsync(alice.Id)).ETag);
        var gone = await Assert.ThrowsAsync<OciServiceException>(() => _users.GetUserAsync(alice.Id));

        Assert.Equal("bob", got.Data.Name);
        Assert.Equal([alice.Id, bob.Id, carol.Id], listed);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(
            ["POST", "POST", "POST", "GET", "GET", "GET", "GET", "GET", "DELETE", "GET"],
            _server.Received.Select(r => r.Method));
        Assert.Contains("\"email\":\"bob@example.com\"", Encoding.UTF8.GetString(_server.Received[1].Body), StringComparison.Ordinal);
        AssertEveryRequestVerified();
    }

    [Fact]
    public async Task No_content_over_a_socket_is_null_for_a_nullable_result()
    {
        FakeIdentityService.StoredUser stored = _service.Add(Compartment, "frank", "Frank F.");

        OciResponse<User?> response = await _users.DeleteUserForResponseAsync(stored.Id);

        Assert.Null(response.Data);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Assert.Single(_server.Received).Header("opc-request-id"), response.OpcRequestId);
        AssertEveryRequestVerified();
    }

    [Fact]
    public async Task No_content_over_a_socket_throws_for_a_non_nullable_result()
    {
        FakeIdentityService.StoredUser stored = _service.Add(Compartment, "grace", "Grace G.");

        var error = await Assert.ThrowsAsync<OciEmptyBodyException>(() => _users.DeleteUserExpectingBodyAsync(stored.Id));

        ArrivedRequest arrived = Assert.Single(_server.Received);
        Assert.Equal(HttpStatusCode.NoContent, error.StatusCode);
        Assert.Equal(arrived.Header("opc-request-id"), error.OpcRequestId);
        Assert.Equal($"DELETE {_http.BaseAddress}20160918/users/{stored.Id}", error.Operation);
        Assert.Empty(_service.Users); // the service did delete: only the declared result did not fit
        AssertEveryRequestVerified();
    }

    [Fact]
    public async Task Header_value_with_a_line_break_cannot_inject_a_header()
    {
        try
        {
            await _users.CreateUserAsync(new CreateUserDetails(Compartment, "eve", "Eve E."), retryToken: "t1\r\nx-injected: yes");
        }
        catch (Exception e) when (e is HttpRequestException or ArgumentException or FormatException)
        {
            // Refusing to send is fine; sending a second header is not.
        }

        Assert.All(_server.Received, r => Assert.Empty(r.Values("x-injected")));
    }

    [Fact]
    public async Task Unsigned_client_is_refused_by_the_verifying_server()
    {
        // Negative control: without OciSigningHandler the same call must fail verification.
        using var plain = new HttpClient { BaseAddress = _http.BaseAddress };

        var error = await Assert.ThrowsAsync<OciServiceException>(() => IIdentityUsers.Create(plain).GetUserAsync("ocid1.user.oc1..x"));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("NotAuthenticated", error.ServiceCode);
        Assert.Equal("no Authorization header", Assert.Single(_service.Rejections));
    }

    /// <summary>Re-checks, after the fact, that the server refused nothing and that every body arrived as signed.</summary>
    private void AssertEveryRequestVerified()
    {
        Assert.Empty(_service.Rejections);
        Assert.NotEmpty(_server.Received);
        foreach (ArrivedRequest request in _server.Received)
        {
            Assert.NotNull(request.Header("authorization"));
            if (request.Method is "POST" or "PUT" or "PATCH")
            {
                Assert.Equal(Convert.ToBase64String(SHA256.HashData(request.Body)), request.Header("x-content-sha256"));
                Assert.Equal(request.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Header("content-length"));
            }
        }
    }
}
