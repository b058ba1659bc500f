using System.Net;
using System.Text.Json;
using OciRaw.Client.Tests.Interfaces;
using OciRaw.Client.Tests.Models;
using OciRaw.Client.Tests.TestSupport;
using static OciRaw.Client.Tests.TestSupport.ResponseShapesCalls;

namespace OciRaw.Client.Tests;

/// <summary>
/// What a 2xx response without a body becomes: null where the declared type accepts it, an empty page, or an
/// exception that names the call.
/// </summary>
public sealed class EmptySuccessBodyTests
{
    /// <summary>204 with no content at all, or 200 with an empty body (Content-Length: 0).</summary>
    public static TheoryData<HttpStatusCode> EmptySuccesses() => [HttpStatusCode.NoContent, HttpStatusCode.OK];

    private static CapturingHandler Empty(HttpStatusCode status, params (string Name, string Value)[] headers) => new(_ =>
    {
        var response = new HttpResponseMessage(status) { Content = status == HttpStatusCode.NoContent ? null : new ByteArrayContent([]) };
        foreach ((string name, string value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    });

    [Theory]
    [MemberData(nameof(EmptySuccesses))]
    public async Task Empty_body_for_a_nullable_reference_result_is_null(HttpStatusCode status)
    {
        using CapturingHandler handler = Empty(status);

        Assert.Null(await Api(handler).FindAsync("w1"));
    }

    [Theory]
    [MemberData(nameof(EmptySuccesses))]
    public async Task Empty_body_for_a_nullable_value_result_is_null(HttpStatusCode status)
    {
        using CapturingHandler handler = Empty(status);

        Assert.Null(await Api(handler).CountIfKnownAsync());
    }

    [Fact]
    public async Task Empty_body_for_a_nullable_OciResponse_keeps_status_and_headers()
    {
        using CapturingHandler handler = Empty(HttpStatusCode.NoContent, ("opc-request-id", "R204"), ("etag", "e-9"));

        OciResponse<Widget?> response = await Api(handler).FindWithHeadersAsync("w1");
        OciResponse<long?> count = await Api(handler).CountIfKnownWithHeadersAsync();

        Assert.Null(response.Data);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("R204", response.OpcRequestId);
        Assert.Equal("e-9", response.ETag);
        Assert.Null(count.Data);
    }

    [Fact]
    public async Task Nullable_results_still_read_a_body_when_there_is_one()
    {
        using var handler = new CapturingHandler(request => request.Uri.Contains("count", StringComparison.Ordinal)
            ? CapturingHandler.Json(HttpStatusCode.OK, "42")
            : CapturingHandler.Json(HttpStatusCode.OK, WidgetJson));

        Assert.Equal("web-1", (await Api(handler).FindAsync("w1"))!.DisplayName);
        Assert.Equal("web-1", (await Api(handler).FindWithHeadersAsync("w1")).Data!.DisplayName);
        Assert.Equal(42, await Api(handler).CountIfKnownAsync());
    }

    public static TheoryData<string, HttpStatusCode> NonNullableShapes() => new()
    {
        { "Task<T>", HttpStatusCode.NoContent },
        { "Task<T>", HttpStatusCode.OK },
        { "OciResponse<T>", HttpStatusCode.NoContent },
        { "Task<long>", HttpStatusCode.NoContent },
        { "Task<List<T>>", HttpStatusCode.Accepted },
        { "Task<JsonElement>", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(NonNullableShapes))]
    public async Task Empty_body_for_a_non_nullable_result_throws_naming_the_call(string shape, HttpStatusCode status)
    {
        using CapturingHandler handler = Empty(status, ("opc-request-id", "REQ-EMPTY/1"));
        IResponseShapesApi api = Api(handler);
        Func<Task> call = shape switch
        {
            "Task<T>" => () => api.GetAsync("w 1"),
            "OciResponse<T>" => () => api.GetWithHeadersAsync("w 1"),
            "Task<long>" => () => api.CountAsync(),
            "Task<List<T>>" => () => api.GetAllAsync(),
            _ => () => api.GetFreeFormAsync(),
        };

        var error = await Assert.ThrowsAsync<OciEmptyBodyException>(call);

        string operation = $"GET {handler.Last.Uri}";
        Assert.IsAssignableFrom<OciException>(error);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("REQ-EMPTY/1", error.OpcRequestId);
        Assert.Equal(operation, error.Operation);
        Assert.Contains(operation, error.Message, StringComparison.Ordinal);
        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains("no body", error.Message, StringComparison.Ordinal);
        Assert.Contains("REQ-EMPTY/1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_body_exception_without_request_id_or_request_still_says_what_happened()
    {
        // A handler that builds its own response without linking the request, and no opc-request-id.
        using var handler = new CapturingHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        using var http = new HttpClient(new UnlinkingHandler(handler)) { BaseAddress = new Uri(Base) };

        var error = await Assert.ThrowsAsync<OciEmptyBodyException>(() => IResponseShapesApi.Create(http).GetAsync("w1"));

        Assert.Null(error.OpcRequestId);
        Assert.Null(error.Operation);
        Assert.StartsWith("The service answered 204 with no body, ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("opc-request-id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_null_body_is_still_null_even_for_a_non_nullable_result()
    {
        // As with System.Text.Json: a body of null is a value the service chose to send; only no body at all is refused.
        using CapturingHandler handler = Answer(HttpStatusCode.OK, "null");

        Assert.Null(await Api(handler).GetAsync("w1"));
    }

    [Fact]
    public async Task Oblivious_reference_result_accepts_an_empty_body_but_a_value_type_does_not()
    {
        using CapturingHandler handler = Empty(HttpStatusCode.NoContent);
        using HttpClient http = handler.CreateClient();
        IObliviousApi api = IObliviousApi.Create(http);

        Assert.Null(await api.GetAsync("w1"));
        Assert.Null((await api.GetWithHeadersAsync("w1")).Data);
        await Assert.ThrowsAsync<OciEmptyBodyException>(() => api.CountAsync());
    }

    [Fact]
    public async Task AsyncEnumerable_page_without_a_body_is_an_empty_page()
    {
        using var handler = new CapturingHandler(request => request.Uri.EndsWith("page=p2", StringComparison.Ordinal)
            ? CapturingHandler.Json(HttpStatusCode.OK, """[{"id":"last"}]""")
            : CapturingHandler.Respond(HttpStatusCode.OK, "", "application/json", ("opc-next-page", "p2")));

        List<Widget> widgets = await Api(handler).ListAsync("c").ToListAsync();

        Assert.Equal("last", Assert.Single(widgets).Id);
    }

    /// <summary>Passes requests on but hands back responses without <see cref="HttpResponseMessage.RequestMessage"/>.</summary>
    private sealed class UnlinkingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            response.RequestMessage = null;
            return response;
        }
    }
}
