using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OciRaw.Testing.Tests.TestSupport;
using static OciRaw.Testing.Tests.TestSupport.AuthenticationRequests;

namespace OciRaw.Testing.Tests;

/// <summary>
/// A signed request changed on its way (body, digest, date, signed headers, target, host, Content-Length) is rejected.
/// </summary>
public sealed class TamperedRequestTests
{
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
}
