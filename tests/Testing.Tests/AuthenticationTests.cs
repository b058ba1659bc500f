using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using OciRaw.Testing.Tests.TestSupport;

namespace OciRaw.Testing.Tests;

/// <summary>
/// The emulator verifies every request like OCI: each flaw of a signature gets 401 with OCI's NotAuthenticated body
/// (and no hint for the client), and the reason is kept in <see cref="OciEmulator.AuthenticationFailures"/>. Requests
/// the library signs correctly pass, whatever the method, body or query.
/// </summary>
public sealed class AuthenticationTests
{
    private const string UsersRoute = "/20160918/users";
    private const string ListRoute = "GET /20160918/users";
    private const string CreateRoute = "POST /20160918/users";

    // ---- Requests that must be rejected -------------------------------------------------------------------------

    [Fact]
    public async Task A_request_without_Authorization_is_rejected()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        using HttpResponseMessage response = await context.CreateUnsignedHttp().GetAsync(ListPath(context));

        await AssertRejectedAsync(context, response, ListRoute, "no Authorization header");
    }

    [Theory]
    [InlineData("Bearer abc.def.ghi", "the scheme is not 'Signature'")]
    [InlineData("signature keyId=\"a\",signature=\"b\"", "the scheme is not 'Signature'")]
    [InlineData("Signature keyId=abc,headers=\"host\"", "a parameter is not name=\"value\"")]
    [InlineData("Signature keyId=\"abc", "the value of 'keyId' is not closed")]
    [InlineData("Signature keyId=\"a\" headers=\"host\"", "parameters must be separated by commas")]
    [InlineData("Signature", "the scheme is not 'Signature'")]
    [InlineData("Signature keyId=\"a\",keyId=\"b\"", "the parameter 'keyId' is given twice")]
    [InlineData("Signature key id=\"a\"", "a parameter is not name=\"value\"")]
    public async Task A_malformed_Authorization_header_is_rejected(string authorization, string reason)
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, ListPath(context));
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.TryAddWithoutValidation("date", DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture));

        using HttpResponseMessage response = await context.CreateUnsignedHttp().SendAsync(request);

        await AssertRejectedAsync(context, response, ListRoute, "malformed Authorization header: " + reason);
    }

    [Theory]
    [InlineData("version=\"2\",", "rsa-sha256", "unsupported signature version '2'")]
    [InlineData("", "hmac-sha256", "algorithm must be rsa-sha256")]
    [InlineData("", "RSA-SHA256", "algorithm must be rsa-sha256")]
    public async Task A_signature_of_another_version_or_algorithm_is_rejected(string version, string algorithm, string reason)
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        HttpClient http = context.CreateHttp(afterSigning: request =>
        {
            string signed = request.Headers.Authorization!.ToString();
            string changed = signed
                .Replace("Signature version=\"1\",", "Signature " + version, StringComparison.Ordinal)
                .Replace("algorithm=\"rsa-sha256\"", $"algorithm=\"{algorithm}\"", StringComparison.Ordinal);
            Assert.NotEqual(signed, changed);
            SetHeader(request, "Authorization", changed);
            return Task.CompletedTask;
        });

        using HttpResponseMessage response = await http.GetAsync(ListPath(context));

        await AssertRejectedAsync(context, response, ListRoute, reason);
    }

    [Theory]
    [InlineData("keyId")]
    [InlineData("signature")]
    [InlineData("headers")]
    public async Task An_Authorization_header_without_keyId_signature_or_headers_is_rejected(string parameter)
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        HttpClient http = context.CreateHttp(afterSigning: request =>
        {
            string signed = request.Headers.Authorization!.ToString();
            int start = signed.IndexOf(parameter + "=\"", StringComparison.Ordinal);
            int end = signed.IndexOf('"', start + parameter.Length + 2);
            string changed = (signed[..start] + signed[(end + 1)..]).Replace(",,", ",", StringComparison.Ordinal).TrimEnd(',');
            SetHeader(request, "Authorization", changed);
            return Task.CompletedTask;
        });

        using HttpResponseMessage response = await http.GetAsync(ListPath(context));

        await AssertRejectedAsync(context, response, ListRoute, "the Authorization header lacks keyId, signature or headers");
    }

    [Fact]
    public async Task A_keyId_that_was_never_registered_is_rejected()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        using RSA key = SpareKeys.Unregistered();
        string keyId = $"{context.Tenancy.TenancyId}/{context.Tenancy.UserId}/00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff";
        HttpClient http = context.CreateHttp(new KeyIdSigner(keyId, key));

        using HttpResponseMessage response = await http.GetAsync(ListPath(context));

        await AssertRejectedAsync(context, response, ListRoute, $"unknown keyId '{keyId}'");
    }

    [Fact]
    public async Task The_registered_key_of_one_user_does_not_authenticate_under_another_tenancy_or_user()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        TestTenancy other = context.Emulator.CreateTenancy();
        using RSA key = RSA.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(context.Tenancy.KeyFile));

        // The right key and fingerprint, but a keyId naming the other tenancy (or the other user): OCI keys belong to one user.
        foreach (string keyId in new[]
                 {
                     $"{other.TenancyId}/{context.Tenancy.UserId}/{context.Tenancy.Fingerprint}",
                     $"{context.Tenancy.TenancyId}/{other.UserId}/{context.Tenancy.Fingerprint}",
                 })
        {
            using HttpResponseMessage response = await context.CreateHttp(new KeyIdSigner(keyId, key)).GetAsync(ListPath(context));
            await OciErrorAssert.IsNotAuthenticatedAsync(response);
            Assert.Contains(context.Emulator.AuthenticationFailures, f => f == $"{ListRoute}: unknown keyId '{keyId}'");
        }

        Assert.Equal(2, context.Emulator.AuthenticationFailures.Count);
    }

    [Fact]
    public async Task A_key_that_is_not_registered_is_rejected_even_with_its_own_correct_fingerprint()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        using RSA key = SpareKeys.Unregistered();
        var unregistered = ApiKeySigner.FromPem(context.Tenancy.TenancyId, context.Tenancy.UserId, Md5Fingerprint(key), key.ExportPkcs8PrivateKeyPem());

        using HttpResponseMessage response = await context.CreateHttp(unregistered).GetAsync(ListPath(context));

        await AssertRejectedAsync(context, response, ListRoute, $"unknown keyId '{unregistered.KeyId}'");
    }

    [Fact]
    public async Task Another_key_claiming_the_registered_keyId_is_rejected()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        using RSA impostor = SpareKeys.Unregistered();
        HttpClient http = context.CreateHttp(new KeyIdSigner(context.Tenancy.KeyId, impostor));

        using HttpResponseMessage response = await http.PostAsync(UsersRoute, Json(CreateBody(context, "mallory")));

        await AssertRejectedAsync(context, response, CreateRoute, "the RSA signature does not match");
        await AssertNoUserCreatedAsync(context);
    }

    [Fact]
    public async Task A_key_registered_with_RegisterApiKey_authenticates_and_is_the_tenancy_of_the_caller()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        using RSA second = SpareKeys.Other();
        string fingerprint = context.Emulator.RegisterApiKey(context.Tenancy.TenancyId, context.Tenancy.UserId, second);
        Assert.Equal(Md5Fingerprint(second), fingerprint);
        var signer = ApiKeySigner.FromPem(context.Tenancy.TenancyId, context.Tenancy.UserId, fingerprint, second.ExportPkcs8PrivateKeyPem());

        using HttpResponseMessage response = await context.CreateHttp(signer).GetAsync(ListPath(context));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(context.Emulator.AuthenticationFailures);
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_rejected()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        string body = CreateBody(context, "alice");
        string tampered = body.Replace("alice", "eve!!", StringComparison.Ordinal);
        Assert.Equal(body.Length, tampered.Length);
        HttpClient http = context.CreateHttp(afterSigning: request => ReplaceBodyAsync(request, Encoding.UTF8.GetBytes(tampered)));

        using HttpResponseMessage response = await http.PostAsync(UsersRoute, Json(body));

        await AssertRejectedAsync(context, response, CreateRoute, "x-content-sha256 does not match the body that arrived");
        await AssertNoUserCreatedAsync(context);
    }

    [Fact]
    public async Task A_body_changed_after_signing_with_a_recomputed_digest_is_rejected()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        byte[] tampered = Encoding.UTF8.GetBytes(CreateBody(context, "eve"));
        HttpClient http = context.CreateHttp(afterSigning: async request =>
        {
            await ReplaceBodyAsync(request, tampered);
            SetHeader(request, "x-content-sha256", Convert.ToBase64String(SHA256.HashData(tampered)));
        });

        using HttpResponseMessage response = await http.PostAsync(UsersRoute, Json(CreateBody(context, "alice")));

        // content-length and x-content-sha256 now describe the body that arrived, but they are not what was signed.
        await AssertRejectedAsync(context, response, CreateRoute, "the RSA signature does not match");
        await AssertNoUserCreatedAsync(context);
    }

    [Fact]
    public async Task A_date_changed_after_signing_is_rejected()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        HttpClient http = context.CreateHttp(afterSigning: request =>
        {
            DateTimeOffset signed = request.Headers.Date!.Value;
            request.Headers.Date = signed.AddSeconds(1); // still well inside the 5 minutes
            return Task.CompletedTask;
        });

        using HttpResponseMessage response = await http.GetAsync(ListPath(context));

        await AssertRejectedAsync(context, response, ListRoute, "the RSA signature does not match");
    }

    [Fact]
    public async Task A_signed_opc_obo_token_changed_after_signing_is_rejected()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        HttpClient http = context.CreateHttp(null, request =>
        {
            SetHeader(request, "opc-obo-token", "token-of-someone-else");
            return Task.CompletedTask;
        }, out WireTapHandler tap);
        using var request = new HttpRequestMessage(HttpMethod.Get, ListPath(context));
        request.Headers.TryAddWithoutValidation("opc-obo-token", "token-of-the-caller");

        using HttpResponseMessage response = await http.SendAsync(request);

        Assert.Contains("opc-obo-token", tap.Sent.Single().AuthorizationParameter("headers").Split(' '));
        await AssertRejectedAsync(context, response, ListRoute, "the RSA signature does not match");
    }

    [Fact]
    public async Task A_signed_header_removed_after_signing_is_rejected()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        HttpClient http = context.CreateHttp(afterSigning: request =>
        {
            request.Headers.Remove("opc-obo-token");
            return Task.CompletedTask;
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, ListPath(context));
        request.Headers.TryAddWithoutValidation("opc-obo-token", "token-of-the-caller");

        using HttpResponseMessage response = await http.SendAsync(request);

        await AssertRejectedAsync(context, response, ListRoute, "the signed header 'opc-obo-token' is not in the request");
    }

    [Fact]
    public async Task A_request_target_changed_after_signing_is_rejected()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        HttpClient http = context.CreateHttp(afterSigning: request =>
        {
            request.RequestUri = new Uri(request.RequestUri!.AbsoluteUri + "&limit=1");
            return Task.CompletedTask;
        });

        using HttpResponseMessage response = await http.GetAsync(ListPath(context));

        await AssertRejectedAsync(context, response, ListRoute, "the RSA signature does not match");
    }

    [Fact]
    public async Task A_host_changed_after_signing_is_rejected()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        HttpClient http = context.CreateHttp(afterSigning: request =>
        {
            request.Headers.Host = "identity.us-ashburn-1.oci.oraclecloud.com";
            return Task.CompletedTask;
        });

        using HttpResponseMessage response = await http.GetAsync(ListPath(context));

        await AssertRejectedAsync(context, response, ListRoute, "the RSA signature does not match");
    }

    [Fact]
    public async Task A_GET_signed_without_host_is_rejected()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, ListPath(context));
        request.SetOciSigningStrategy(OciSigningStrategy.WithHeaders("date", "(request-target)"));

        using HttpResponseMessage response = await context.Http.SendAsync(request);

        await AssertRejectedAsync(context, response, ListRoute, "the signature does not cover the required header 'host'");
    }

    [Theory]
    [InlineData("(request-target)", new[] { "date", "host" })]
    [InlineData("date", new[] { "(request-target)", "host" })]
    public async Task A_GET_signed_without_the_request_target_or_date_is_rejected(string missing, string[] signedHeaders)
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, ListPath(context));
        request.SetOciSigningStrategy(OciSigningStrategy.WithHeaders(signedHeaders));

        using HttpResponseMessage response = await context.Http.SendAsync(request);

        Assert.Equal(string.Join(' ', signedHeaders), context.Tap.Sent.Single().AuthorizationParameter("headers"));
        await AssertRejectedAsync(context, response, ListRoute, $"the signature does not cover the required header '{missing}'");
    }

    [Theory]
    [InlineData("POST", "x-content-sha256")]
    [InlineData("POST", "content-length")]
    [InlineData("POST", "content-type")]
    [InlineData("PUT", "x-content-sha256")]
    [InlineData("PATCH", "content-length")]
    public async Task A_body_request_signed_without_a_body_header_is_rejected(string method, string omitted)
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        string[] headers = new[] { "date", "(request-target)", "host", "content-length", "content-type", "x-content-sha256" }.Where(h => h != omitted).ToArray();
        string path = method == "POST" ? UsersRoute : UsersRoute + "/ocid1.user.oc1..aaaaaaaanone";
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = Json(CreateBody(context, "alice")) };
        request.SetOciSigningStrategy(OciSigningStrategy.WithHeaders(headers));

        using HttpResponseMessage response = await context.Http.SendAsync(request);

        string route = method + (method == "POST" ? " /20160918/users" : " /20160918/users/{userId}");
        await AssertRejectedAsync(context, response, route, $"the signature does not cover the required header '{omitted}'");
        await AssertNoUserCreatedAsync(context);
    }

    [Fact]
    public async Task A_POST_with_the_exclude_body_strategy_is_rejected_because_users_need_signed_body_headers()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, UsersRoute) { Content = Json(CreateBody(context, "alice")) };
        request.SetOciSigningStrategy(OciSigningStrategy.ExcludeBody);

        using HttpResponseMessage response = await context.Http.SendAsync(request);

        await AssertRejectedAsync(context, response, CreateRoute, "the signature does not cover the required header 'content-length'");
    }

    [Theory]
    [InlineData(6)]
    [InlineData(-6)]
    [InlineData(60 * 24)]
    public async Task A_date_more_than_five_minutes_from_the_server_clock_is_rejected(int serverAheadMinutes)
    {
        // The server clock is moved, the client signs with the real one: a positive offset makes the request's date
        // lie in the server's past, a negative one in its future.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(serverAheadMinutes));
        await using EmulatorContext context = await EmulatorContext.StartAsync(new OciEmulatorOptions { TimeProvider = clock });

        using HttpResponseMessage response = await context.Http.GetAsync(ListPath(context));

        await AssertRejectedAsync(context, response, ListRoute, "the 'date' header is");
        Assert.Contains("away from the server clock (limit 300 s)", context.Emulator.AuthenticationFailures[0]);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(-4)]
    public async Task A_date_less_than_five_minutes_from_the_server_clock_is_accepted(int serverAheadMinutes)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(serverAheadMinutes));
        await using EmulatorContext context = await EmulatorContext.StartAsync(new OciEmulatorOptions { TimeProvider = clock });

        using HttpResponseMessage response = await context.Http.GetAsync(ListPath(context));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(context.Emulator.AuthenticationFailures);
    }

    [Fact]
    public async Task The_same_signed_request_is_accepted_until_the_server_clock_passes_five_minutes()
    {
        // A whole second: the date header has no fractions, so the skew is exactly what the test moves the clock by.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 10, 15, 30, TimeSpan.Zero));
        await using EmulatorContext context = await EmulatorContext.StartAsync(new OciEmulatorOptions { TimeProvider = clock });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(context.Emulator.BaseAddress, ListPath(context)));
        request.Headers.Date = clock.GetUtcNow(); // the caller's own date is signed as is
        await context.Signer.SignAsync(request);
        string head = "GET " + request.RequestUri!.PathAndQuery + " HTTP/1.1\r\nHost: " + request.RequestUri.Authority + "\r\n"
            + string.Join("\r\n", request.Headers.NonValidated.Select(h => h.Key + ": " + h.Value));

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(200, (await RawHttp.SendAsync(context.Emulator.BaseAddress, head, [])).Status);
        clock.Advance(TimeSpan.FromSeconds(1));
        RawResponse late = await RawHttp.SendAsync(context.Emulator.BaseAddress, head, []);

        Assert.Equal(401, late.Status);
        OciErrorAssert.IsErrorBody(late.BodyText, "NotAuthenticated", late.Header("Content-Type"));
        Assert.Equal($"{ListRoute}: the 'date' header is 301 s away from the server clock (limit 300 s)", Assert.Single(context.Emulator.AuthenticationFailures));
    }

    [Fact]
    public async Task A_date_that_is_not_RFC_1123_is_rejected()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, ListPath(context));
        string iso = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        request.Headers.TryAddWithoutValidation("date", iso);

        using HttpResponseMessage response = await context.Http.SendAsync(request);

        await AssertRejectedAsync(context, response, ListRoute, $"the 'date' header '{iso}' is not an RFC 1123 date");
    }

    [Fact]
    public async Task A_stale_signed_x_date_is_rejected_even_next_to_a_fresh_date()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 10, 15, 30, TimeSpan.Zero));
        await using EmulatorContext context = await EmulatorContext.StartAsync(new OciEmulatorOptions { TimeProvider = clock });
        HttpClient http = context.CreateHttp(null, request =>
        {
            // A fresh, unsigned date does not rescue a stale x-date: x-date is what was signed and what counts.
            request.Headers.Date = clock.GetUtcNow();
            return Task.CompletedTask;
        }, out WireTapHandler tap);
        using var request = new HttpRequestMessage(HttpMethod.Get, ListPath(context));
        request.Headers.TryAddWithoutValidation("x-date", clock.GetUtcNow().AddMinutes(-10).ToString("r", CultureInfo.InvariantCulture));

        using HttpResponseMessage response = await http.SendAsync(request);

        Assert.Equal("x-date (request-target) host", tap.Sent.Single().AuthorizationParameter("headers"));
        Assert.NotNull(tap.Sent.Single().Header("date"));
        await AssertRejectedAsync(context, response, ListRoute, "the 'x-date' header is 600 s away from the server clock");
    }

    [Fact]
    public async Task A_declared_Content_Length_that_does_not_match_the_body_is_rejected()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        byte[] body = Encoding.UTF8.GetBytes(CreateBody(context, "alice"));
        RawSignedRequest signed = await RawSignedRequest.SignAsync(context.Signer, HttpMethod.Post, context.Emulator.BaseAddress, UsersRoute, body);
        Assert.Equal(body.Length.ToString(CultureInfo.InvariantCulture), signed.Header("Content-Length"));

        // The signed Content-Length stays on the request, but the body arrives chunked and longer than it says.
        RawResponse response = await signed.With("Transfer-Encoding", "chunked").SendAsync(context.Emulator.BaseAddress, RawSignedRequest.Chunked([.. body, .. "   "u8]));

        Assert.Equal(401, response.Status);
        OciErrorAssert.IsErrorBody(response.BodyText, "NotAuthenticated", response.Header("Content-Type"));
        string failure = Assert.Single(context.Emulator.AuthenticationFailures);
        Assert.StartsWith(CreateRoute + ": content-length ", failure);
        Assert.EndsWith($"does not match the {body.Length + 3} body bytes that arrived", failure);
        await AssertNoUserCreatedAsync(context);
    }

    [Fact]
    public async Task A_Content_Length_other_than_the_signed_one_is_rejected()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        byte[] body = Encoding.UTF8.GetBytes(CreateBody(context, "alice") + "          ");
        RawSignedRequest signed = await RawSignedRequest.SignAsync(context.Signer, HttpMethod.Post, context.Emulator.BaseAddress, UsersRoute, body);

        // A shorter Content-Length cuts the body the server reads: still JSON, but not what was signed.
        int shorter = body.Length - 10;
        RawResponse response = await signed.With("Content-Length", shorter.ToString(CultureInfo.InvariantCulture)).SendAsync(context.Emulator.BaseAddress);

        Assert.Equal(401, response.Status);
        OciErrorAssert.IsErrorBody(response.BodyText, "NotAuthenticated", response.Header("Content-Type"));
        Assert.Equal($"{CreateRoute}: x-content-sha256 does not match the body that arrived", Assert.Single(context.Emulator.AuthenticationFailures));
        await AssertNoUserCreatedAsync(context);
    }

    [Theory]
    [InlineData("not*base64!")]
    [InlineData("abc")]
    public async Task A_signature_that_is_not_base64_is_rejected(string signature)
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        HttpClient http = context.CreateHttp(afterSigning: request =>
        {
            SetHeader(request, "Authorization", ReplaceSignature(request.Headers.Authorization!.ToString(), signature));
            return Task.CompletedTask;
        });

        using HttpResponseMessage response = await http.GetAsync(ListPath(context));

        await AssertRejectedAsync(context, response, ListRoute, "the signature is not base64");
    }

    [Theory]
    [InlineData("")]
    [InlineData("AAAA")]
    [InlineData("c2hvcnQ=")]
    public async Task A_base64_signature_of_the_wrong_length_is_rejected_not_a_server_error(string signature)
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        HttpClient http = context.CreateHttp(afterSigning: request =>
        {
            SetHeader(request, "Authorization", ReplaceSignature(request.Headers.Authorization!.ToString(), signature));
            return Task.CompletedTask;
        });

        using HttpResponseMessage response = await http.GetAsync(ListPath(context));

        await AssertRejectedAsync(context, response, ListRoute, "the RSA signature does not match");
    }

    [Fact]
    public async Task Every_rejection_carries_an_opc_request_id_and_keeps_the_callers()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        HttpClient unsigned = context.CreateUnsignedHttp();

        using HttpResponseMessage generated = await unsigned.GetAsync(ListPath(context));
        using var request = new HttpRequestMessage(HttpMethod.Get, ListPath(context));
        request.Headers.Add("opc-request-id", "caller-chosen-id");
        using HttpResponseMessage echoed = await unsigned.SendAsync(request);

        Assert.Matches("^[0-9A-F]{32}$", Assert.Single(generated.Headers.GetValues("opc-request-id")));
        Assert.Equal("caller-chosen-id", Assert.Single(echoed.Headers.GetValues("opc-request-id")));
        Assert.Equal(2, context.Emulator.AuthenticationFailures.Count);
    }

    [Fact]
    public async Task Rejected_requests_change_nothing_and_reasons_are_kept_in_order()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        using RSA impostor = SpareKeys.Unregistered();

        using HttpResponseMessage first = await context.CreateUnsignedHttp().PostAsync(UsersRoute, Json(CreateBody(context, "a")));
        using HttpResponseMessage second = await context.CreateHttp(new KeyIdSigner(context.Tenancy.KeyId, impostor)).DeleteAsync(UsersRoute + "/ocid1.user.oc1..x");
        using HttpResponseMessage third = await context.Http.GetAsync(ListPath(context));

        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(
            [$"{CreateRoute}: no Authorization header", "DELETE /20160918/users/{userId}: the RSA signature does not match the signing string rebuilt from the request"],
            context.Emulator.AuthenticationFailures);
    }

    // ---- Requests that must pass -------------------------------------------------------------------------------

    [Theory]
    [InlineData("GET", HttpStatusCode.OK)]
    [InlineData("HEAD", HttpStatusCode.MethodNotAllowed)]
    [InlineData("DELETE", HttpStatusCode.NoContent)]
    [InlineData("POST", HttpStatusCode.OK)]
    [InlineData("PUT", HttpStatusCode.OK)]
    [InlineData("PATCH", HttpStatusCode.MethodNotAllowed)]
    public async Task Every_method_the_library_signs_authenticates(string method, HttpStatusCode expected)
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        string userId = (await context.Users.CreateUserAsync(context.NewUserDetails("existing"))).Data.Id;
        (string path, string? body) = method switch
        {
            "GET" => (ListPath(context), (string?)null),
            "HEAD" => (UsersRoute, null),
            "DELETE" => ($"{UsersRoute}/{userId}", null),
            "POST" => (UsersRoute, CreateBody(context, "new-user")),
            "PUT" => ($"{UsersRoute}/{userId}", """{"description":"changed"}"""),
            _ => ($"{UsersRoute}/{userId}", """{"description":"patched"}"""),
        };
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body is null ? null : Json(body) };

        using HttpResponseMessage response = await context.Http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(context.Emulator.AuthenticationFailures);
        if (expected == HttpStatusCode.MethodNotAllowed)
        {
            Assert.Equal(path == UsersRoute ? ["GET", "POST"] : ["GET", "PUT", "DELETE"], response.Content.Headers.Allow);
        }

        string signedHeaders = context.Tap.Sent[^1].AuthorizationParameter("headers");
        Assert.Equal(body is null ? "date (request-target) host" : "date (request-target) host content-length content-type x-content-sha256", signedHeaders);
    }

    [Fact]
    public async Task A_POST_with_an_empty_body_authenticates()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        using HttpResponseMessage response = await context.Http.PostAsync(UsersRoute, content: null);

        // Authenticated, then refused by the users API for what it is: no JSON object.
        await OciErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "CannotParseRequest");
        Assert.Empty(context.Emulator.AuthenticationFailures);
        Assert.Equal("0", context.Tap.Sent.Single().Header("Content-Length"));
    }

    [Fact]
    public async Task A_binary_body_authenticates()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        string userId = (await context.Users.CreateUserAsync(context.NewUserDetails("existing"))).Data.Id;
        // Every byte value, invalid UTF-8 sequences, a NUL and a byte-order mark: hashed and verified as raw bytes.
        byte[] body = [0xEF, 0xBB, 0xBF, 0xFF, 0xFE, 0x00, 0xC3, 0x28, .. Enumerable.Range(0, 256).Select(i => (byte)i)];
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/octet-stream");

        using HttpResponseMessage response = await context.Http.PutAsync($"{UsersRoute}/{userId}", content);

        await OciErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "CannotParseRequest");
        Assert.Empty(context.Emulator.AuthenticationFailures);
        Assert.Equal(body, context.Tap.Sent[^1].Body);
    }

    [Fact]
    public async Task A_large_body_authenticates()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        string description = new('d', 300_000);

        using HttpResponseMessage response = await context.Http.PostAsync(UsersRoute, Json(CreateBody(context, "big", description)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(context.Emulator.AuthenticationFailures);
    }

    [Fact]
    public async Task A_request_signed_with_x_date_instead_of_date_authenticates()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, ListPath(context));
        request.Headers.TryAddWithoutValidation("x-date", DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture));

        using HttpResponseMessage response = await context.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(context.Emulator.AuthenticationFailures);
        SentRequest sent = context.Tap.Sent.Single();
        Assert.Equal("x-date (request-target) host", sent.AuthorizationParameter("headers"));
        Assert.Null(sent.Header("date"));
    }

    [Fact]
    public async Task A_POST_signed_with_x_date_authenticates()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, UsersRoute) { Content = Json(CreateBody(context, "x-dated")) };
        request.Headers.TryAddWithoutValidation("x-date", DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture));

        using HttpResponseMessage response = await context.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(context.Emulator.AuthenticationFailures);
    }

    [Theory]
    [InlineData("&note=a%20b%2Fc%3D%26d")] // not "name": ListUsers filters by name
    [InlineData("&q=%C3%A9t%C3%A9&empty=&flag")]
    [InlineData("&limit=5&limit=5")]
    [InlineData("&x=%27quoted%27%28%29%2A&tilde=~")]
    public async Task A_query_with_escapes_authenticates_and_is_read_decoded(string extraQuery)
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        await context.Users.CreateUserAsync(context.NewUserDetails("listed"));

        using HttpResponseMessage response = await context.Http.GetAsync(ListPath(context) + extraQuery);

        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Contains("\"name\":\"listed\"", text, StringComparison.Ordinal);
        Assert.Empty(context.Emulator.AuthenticationFailures);
        Assert.EndsWith(extraQuery, context.Tap.Sent[^1].Uri.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_escaped_compartment_id_is_decoded_before_use()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        await context.Users.CreateUserAsync(context.NewUserDetails("listed"));
        string escaped = string.Concat(context.Tenancy.TenancyId.Select(c => c == '.' ? "%2E" : c.ToString()));

        using HttpResponseMessage response = await context.Http.GetAsync($"{UsersRoute}?compartmentId={escaped}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"name\":\"listed\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_opc_obo_token_sent_unchanged_authenticates()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, ListPath(context));
        request.Headers.TryAddWithoutValidation("opc-obo-token", "token-of-the-caller");

        using HttpResponseMessage response = await context.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("date (request-target) host opc-obo-token", context.Tap.Sent.Single().AuthorizationParameter("headers"));
    }

    [Fact]
    public async Task Authorization_parameters_in_another_order_authenticate()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        HttpClient http = context.CreateHttp(afterSigning: request =>
        {
            // Python's order: algorithm,headers,keyId,signature,version.
            SentRequest view = new("GET", request.RequestUri!, new Dictionary<string, string> { ["Authorization"] = request.Headers.Authorization!.ToString() }, []);
            string reordered = string.Join(',', new[] { "algorithm", "headers", "keyId", "signature", "version" }.Select(p => $"{p}=\"{view.AuthorizationParameter(p)}\""));
            SetHeader(request, "Authorization", "Signature " + reordered);
            return Task.CompletedTask;
        });

        using HttpResponseMessage response = await http.GetAsync(ListPath(context));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(context.Emulator.AuthenticationFailures);
    }

    [Fact]
    public async Task A_signature_without_the_version_parameter_authenticates_as_version_1()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        HttpClient http = context.CreateHttp(afterSigning: request =>
        {
            string signed = request.Headers.Authorization!.ToString();
            string withoutVersion = signed.Replace("version=\"1\",", string.Empty, StringComparison.Ordinal);
            Assert.NotEqual(signed, withoutVersion);
            SetHeader(request, "Authorization", withoutVersion);
            return Task.CompletedTask;
        });

        using HttpResponseMessage response = await http.GetAsync(ListPath(context));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(context.Emulator.AuthenticationFailures);
    }

    [Fact]
    public async Task A_request_to_a_path_the_emulator_does_not_serve_is_authenticated_first()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        using HttpResponseMessage unsigned = await context.CreateUnsignedHttp().GetAsync("/20160918/groups");
        using HttpResponseMessage signed = await context.Http.GetAsync("/20160918/groups");

        await OciErrorAssert.IsNotAuthenticatedAsync(unsigned);
        await OciErrorAssert.IsErrorAsync(signed, HttpStatusCode.NotFound, "NotFound");
        Assert.Equal("GET /20160918/groups: no Authorization header", Assert.Single(context.Emulator.AuthenticationFailures));
    }

    // ---- Helpers -----------------------------------------------------------------------------------------------

    private static async Task AssertRejectedAsync(EmulatorContext context, HttpResponseMessage response, string route, string reason)
    {
        await OciErrorAssert.IsNotAuthenticatedAsync(response);
        Assert.True(response.Headers.Contains("opc-request-id"), "A 401 must carry an opc-request-id.");
        string failure = Assert.Single(context.Emulator.AuthenticationFailures);
        Assert.StartsWith(route + ": ", failure, StringComparison.Ordinal);
        Assert.Contains(reason, failure, StringComparison.Ordinal);
    }

    private static string ListPath(EmulatorContext context) => $"{UsersRoute}?compartmentId={context.Tenancy.TenancyId}";

    private static string CreateBody(EmulatorContext context, string name, string description = "a user") =>
        $$"""{"compartmentId":"{{context.Tenancy.TenancyId}}","name":"{{name}}","description":"{{description}}"}""";

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>The tenancy still has only the user it was created with.</summary>
    private static async Task AssertNoUserCreatedAsync(EmulatorContext context)
    {
        var names = new List<string>();
        await foreach (Samples.IdentityUsers.User user in context.Users.ListUsersAsync(context.Tenancy.TenancyId))
        {
            names.Add(user.Name);
        }

        Assert.Equal([OciEmulator.TenancyUserName], names);
    }

    private static void SetHeader(HttpRequestMessage request, string name, string value)
    {
        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
    }

    private static string ReplaceSignature(string authorization, string signature)
    {
        int start = authorization.IndexOf("signature=\"", StringComparison.Ordinal) + "signature=\"".Length;
        return authorization[..start] + signature + authorization[authorization.IndexOf('"', start)..];
    }

    /// <summary>Puts other bytes under the signed request, keeping its content headers (Content-Length follows the new bytes).</summary>
    private static Task ReplaceBodyAsync(HttpRequestMessage request, byte[] body)
    {
        HttpContent original = request.Content!;
        var replacement = new ByteArrayContent(body);
        foreach (KeyValuePair<string, IEnumerable<string>> header in original.Headers.Where(h => h.Key != "Content-Length"))
        {
            replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        request.Content = replacement;
        return Task.CompletedTask;
    }

    private static string Md5Fingerprint(RSA key)
    {
#pragma warning disable CA5351 // OCI's fingerprint is MD5 of the public key.
        return string.Join(':', MD5.HashData(key.ExportSubjectPublicKeyInfo()).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
#pragma warning restore CA5351
    }
}
