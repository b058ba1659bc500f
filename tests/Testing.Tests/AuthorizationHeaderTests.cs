using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using OciRaw.Testing.Tests.TestSupport;
using static OciRaw.Testing.Tests.TestSupport.AuthenticationRequests;

namespace OciRaw.Testing.Tests;

/// <summary>
/// A missing or malformed Authorization header gets 401 with OCI's NotAuthenticated body (and no hint for the
/// client); the emulator keeps the reason, and a rejected request changes nothing.
/// </summary>
public sealed class AuthorizationHeaderTests
{
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
}
