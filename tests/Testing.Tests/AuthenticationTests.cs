using System.Globalization;
using System.Net;
using OciRaw.Testing.Tests.TestSupport;
using static OciRaw.Testing.Tests.TestSupport.AuthenticationRequests;

namespace OciRaw.Testing.Tests;

/// <summary>
/// Requests the library signs correctly pass the emulator's verification, whatever the method, body, query, date
/// header or order of the Authorization parameters.
/// </summary>
public sealed class AuthenticationTests
{
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
}
