using OciRaw.Testing.Tests.TestSupport;
using static OciRaw.Testing.Tests.TestSupport.AuthenticationRequests;

namespace OciRaw.Testing.Tests;

/// <summary>
/// A signature must cover the headers OCI requires: request target, date and host always, the body headers for
/// requests with a body.
/// </summary>
public sealed class SignedHeaderSetTests
{
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
}
