using System.Net;
using OciRaw.Client.Tests.Interfaces;
using OciRaw.Client.Tests.TestSupport;
using static OciRaw.Client.Tests.TestSupport.ResponseShapesCalls;

namespace OciRaw.Client.Tests;

/// <summary>
/// Non-2xx responses throw <see cref="OciServiceException"/> with OCI's error code and message, whatever the return
/// shape, and keep bodies that are not OCI errors raw.
/// </summary>
public sealed class ServiceErrorTests
{
    public static TheoryData<string> Shapes() => ["Task", "Task<T>", "OciResponse<T>", "string", "Stream", "IAsyncEnumerable<T>"];

    /// <summary>Calls the endpoint of the given return shape and consumes its result.</summary>
    private static async Task CallAsync(IResponseShapesApi api, string shape)
    {
        switch (shape)
        {
            case "Task": await api.StartAsync("w1"); break;
            case "Task<T>": await api.GetAsync("w1"); break;
            case "OciResponse<T>": await api.GetWithHeadersAsync("w1"); break;
            case "string": await api.GetTextAsync("w1"); break;
            case "Stream": await (await api.GetContentAsync("w1")).DisposeAsync(); break;
            default: await api.ListAsync("c").ToListAsync(); break;
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Non_2xx_throws_OciServiceException_with_the_oci_error(string shape)
    {
        using CapturingHandler handler = Answer(HttpStatusCode.NotFound, NotFoundJson, ("opc-request-id", "REQ-404/1"));

        var error = await Assert.ThrowsAsync<OciServiceException>(() => CallAsync(Api(handler), shape));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("NotAuthorizedOrNotFound", error.ServiceCode);
        Assert.Equal("Authorization failed or requested resource not found.", error.ServiceMessage);
        Assert.Equal("REQ-404/1", error.OpcRequestId);
        Assert.Equal(NotFoundJson, error.ResponseBody);
        Assert.Contains("404", error.Message, StringComparison.Ordinal);
        Assert.Contains("NotAuthorizedOrNotFound", error.Message, StringComparison.Ordinal);
        Assert.Contains("REQ-404/1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Non_json_error_body_is_kept_raw(string shape)
    {
        const string Html = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>";
        using var handler = new CapturingHandler(_ =>
            CapturingHandler.Respond(HttpStatusCode.BadGateway, Html, "text/html", ("opc-request-id", "REQ-502")));

        var error = await Assert.ThrowsAsync<OciServiceException>(() => CallAsync(Api(handler), shape));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal(Html, error.ResponseBody);
        Assert.Equal("REQ-502", error.OpcRequestId);
        Assert.False(string.IsNullOrEmpty(error.ServiceCode));
        Assert.DoesNotContain("{", error.ServiceCode, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("upstream connect error or disconnect/reset before headers")]
    [InlineData("{\"code\":\"InternalError\",\"message\":\"trunc")]
    [InlineData("[\"an\",\"array\"]")]
    [InlineData("\"just a string\"")]
    public async Task Error_body_that_is_not_an_oci_error_object_is_kept_raw(string body)
    {
        using var handler = new CapturingHandler(_ => CapturingHandler.Respond(HttpStatusCode.InternalServerError, body, "text/plain"));

        var error = await Assert.ThrowsAsync<OciServiceException>(() => Api(handler).GetAsync("w1"));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(body, error.ResponseBody);
    }

    [Fact]
    public async Task Empty_error_body_still_gives_an_exception_with_the_status()
    {
        using var handler = new CapturingHandler(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));

        var error = await Assert.ThrowsAsync<OciServiceException>(() => Api(handler).StartAsync("w1"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal("", error.ResponseBody);
        Assert.Null(error.OpcRequestId);
        Assert.False(string.IsNullOrEmpty(error.ServiceMessage));
    }

    [Fact]
    public async Task Error_code_and_message_are_found_among_other_members()
    {
        const string Body = """{"originalMessage":{"x":[1,{"code":"nested"}]},"code":"Conflict","status":409,"message":"The widget is busy.","extra":null}""";
        using CapturingHandler handler = Answer(HttpStatusCode.Conflict, Body);

        var error = await Assert.ThrowsAsync<OciServiceException>(() => Api(handler).GetWithHeadersAsync("w1"));

        Assert.Equal("Conflict", error.ServiceCode);
        Assert.Equal("The widget is busy.", error.ServiceMessage);
        Assert.Equal(Body, error.ResponseBody);
    }
}
