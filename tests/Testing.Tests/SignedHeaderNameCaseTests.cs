using System.Text;
using OciRaw.Testing.Tests.TestSupport;

namespace OciRaw.Testing.Tests;

/// <summary>
/// The names in the Authorization header's <c>headers="..."</c> list compare case-insensitively, as in OCI and the
/// reference verifier: Oracle's TypeScript SDK lists <c>Content-Type Content-Length</c> while signing the lowercase names.
/// </summary>
public sealed class SignedHeaderNameCaseTests
{
    [Theory]
    [InlineData("Content-Length Content-Type")]
    [InlineData("CONTENT-LENGTH content-type")]
    public async Task A_POST_whose_header_list_capitalizes_the_body_headers_is_accepted(string capitalized)
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        byte[] body = Encoding.UTF8.GetBytes($$"""{"compartmentId": "{{context.Tenancy.TenancyId}}", "name": "ts-sdk", "description": "signed like oci-common"}""");
        RawSignedRequest signed = await RawSignedRequest.SignAsync(context.Signer, HttpMethod.Post, context.Emulator.BaseAddress, "/20160918/users", body);
        string authorization = signed.Header("Authorization")!;
        Assert.Contains("content-length content-type", authorization, StringComparison.Ordinal);

        RawResponse response = await signed.With("Authorization", authorization.Replace("content-length content-type", capitalized, StringComparison.Ordinal))
            .SendAsync(context.Emulator.BaseAddress);

        Assert.True(response.Status == 200, $"{response.Status}: {response.BodyText} / {string.Join("; ", context.Emulator.AuthenticationFailures)}");
        Assert.Empty(context.Emulator.AuthenticationFailures);
    }

    [Fact]
    public async Task A_capitalized_list_still_has_to_match_the_signature()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        byte[] body = Encoding.UTF8.GetBytes($$"""{"compartmentId": "{{context.Tenancy.TenancyId}}", "name": "ts-sdk", "description": "d"}""");
        RawSignedRequest signed = await RawSignedRequest.SignAsync(context.Signer, HttpMethod.Post, context.Emulator.BaseAddress, "/20160918/users", body);
        string authorization = signed.Header("Authorization")!;

        // Reordered: the signing string the verifier rebuilds is no longer the one that was signed.
        RawResponse response = await signed.With("Authorization", authorization.Replace("content-length content-type", "Content-Type Content-Length", StringComparison.Ordinal))
            .SendAsync(context.Emulator.BaseAddress);

        Assert.Equal(401, response.Status);
        Assert.Contains("RSA signature does not match", Assert.Single(context.Emulator.AuthenticationFailures), StringComparison.Ordinal);
    }
}
