using System.Net;
using System.Text;
using System.Text.Json;
using OciRaw.Client.Tests.Interfaces;
using OciRaw.Client.Tests.Models;
using OciRaw.Client.Tests.TestSupport;

namespace OciRaw.Client.Tests;

/// <summary>
/// How generated clients turn responses into each supported return shape, page through list endpoints, and report
/// service errors and unreadable JSON.
/// </summary>
public sealed class ResponseShapeTests
{
    private const string Base = "https://svc.example.com";

    private const string WidgetJson =
        """{"id":"ocid1.widget..1","displayName":"web-1","timeCreated":"2026-01-02T03:04:05.678+02:00","state":"NEEDS_ATTENTION","count":3,"unknownMember":{"a":[1,2]}}""";

    private const string NotFoundJson =
        """{"code":"NotAuthorizedOrNotFound","message":"Authorization failed or requested resource not found."}""";

    private static IResponseShapesApi Api(CapturingHandler handler) => IResponseShapesApi.Create(handler.CreateClient());

    private static CapturingHandler Answer(HttpStatusCode status, string body, params (string Name, string Value)[] headers) =>
        new(_ => CapturingHandler.Json(status, body, headers));

    // ---- success shapes ----

    [Theory]
    [InlineData(HttpStatusCode.OK, "{}")]
    [InlineData(HttpStatusCode.Accepted, "")]
    [InlineData(HttpStatusCode.NoContent, "")]
    public async Task Task_completes_on_2xx_without_reading_a_body(HttpStatusCode status, string body)
    {
        using CapturingHandler handler = Answer(status, body);

        await Api(handler).StartAsync("w1");

        Assert.Equal("POST", handler.Last.Method);
        Assert.Equal($"{Base}/widgets/w1/actions/start", handler.Last.Uri);
    }

    [Fact]
    public async Task Task_of_T_reads_the_body_with_generated_code()
    {
        using CapturingHandler handler = Answer(HttpStatusCode.OK, WidgetJson);

        Widget widget = await Api(handler).GetAsync("ocid1.widget..1");

        Assert.Equal("ocid1.widget..1", widget.Id);
        Assert.Equal("web-1", widget.DisplayName);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(2)), widget.TimeCreated);
        Assert.Equal(TimeSpan.FromHours(2), widget.TimeCreated.Offset);
        Assert.Equal(WidgetState.NeedsAttention, widget.State);
        Assert.Equal(3, widget.Count);
    }

    [Fact]
    public async Task Task_of_T_leaves_missing_members_at_their_defaults()
    {
        using CapturingHandler handler = Answer(HttpStatusCode.OK, """{"id":"x","count":null}""");

        Widget widget = await Api(handler).GetAsync("x");

        Assert.Equal("x", widget.Id);
        Assert.Null(widget.DisplayName);
        Assert.Null(widget.Count);
        Assert.Equal(default, widget.TimeCreated);
    }

    [Fact]
    public async Task OciResponse_carries_data_status_and_oci_headers()
    {
        using CapturingHandler handler = Answer(HttpStatusCode.Created, WidgetJson,
            ("opc-request-id", "REQ/ABC/123"), ("etag", "9f2c7a"), ("opc-next-page", "page-2"), ("x-custom", "v"));

        OciResponse<Widget> response = await Api(handler).GetWithHeadersAsync("w1");

        Assert.Equal("web-1", response.Data.DisplayName);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("REQ/ABC/123", response.OpcRequestId);
        Assert.Equal("9f2c7a", response.ETag);
        Assert.Equal("page-2", response.OpcNextPage);
        Assert.Equal("v", response.Headers["x-custom"]);
    }

    [Fact]
    public async Task OciResponse_header_properties_are_null_when_absent()
    {
        using CapturingHandler handler = Answer(HttpStatusCode.OK, WidgetJson);

        OciResponse<Widget> response = await Api(handler).GetWithHeadersAsync("w1");

        Assert.Null(response.OpcRequestId);
        Assert.Null(response.ETag);
        Assert.Null(response.OpcNextPage);
    }

    [Fact]
    public async Task HttpResponseMessage_is_returned_raw_with_its_body()
    {
        using CapturingHandler handler = Answer(HttpStatusCode.OK, WidgetJson, ("opc-request-id", "R1"));

        using HttpResponseMessage response = await Api(handler).GetRawAsync("w1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(WidgetJson, await response.Content.ReadAsStringAsync());
        Assert.Equal(["R1"], response.Headers.GetValues("opc-request-id"));
    }

    [Fact]
    public async Task HttpResponseMessage_does_not_throw_on_404()
    {
        using CapturingHandler handler = Answer(HttpStatusCode.NotFound, NotFoundJson);

        using HttpResponseMessage response = await Api(handler).GetRawAsync("missing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(NotFoundJson, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task String_returns_the_body_text_unparsed()
    {
        const string Text = "not json: café ✓\n{";
        using var handler = new CapturingHandler(_ => CapturingHandler.Respond(HttpStatusCode.OK, Text, "text/plain"));

        string text = await Api(handler).GetTextAsync("w1");

        Assert.Equal(Text, text);
    }

    [Fact]
    public async Task Stream_returns_the_body_bytes()
    {
        byte[] payload = [0x00, 0xFF, 0x10, 0x7B, 0x22, 0x0A, 0xC3];
        using var handler = new CapturingHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(payload) });

        await using Stream stream = await Api(handler).GetContentAsync("w1");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(payload, copy.ToArray());
    }

    [Fact]
    public async Task Task_of_list_reads_a_json_array()
    {
        using CapturingHandler handler = Answer(HttpStatusCode.OK, """[{"id":"a"},null,{"id":"c"}]""");

        List<Widget> widgets = await Api(handler).GetAllAsync();

        Assert.Equal(["a", null, "c"], widgets.Select(w => w?.Id));
    }

    [Fact]
    public async Task Task_of_scalar_reads_a_json_number()
    {
        using CapturingHandler handler = Answer(HttpStatusCode.OK, "9007199254740993");

        Assert.Equal(9_007_199_254_740_993L, await Api(handler).CountAsync());
    }

    [Fact]
    public async Task Task_of_dictionary_reads_a_json_object()
    {
        using CapturingHandler handler = Answer(HttpStatusCode.OK, """{"w1":"ACTIVE","w2":"being-deleted"}""");

        Dictionary<string, WidgetState> states = await Api(handler).GetStatesAsync();

        Assert.Equal(new Dictionary<string, WidgetState> { ["w1"] = WidgetState.Active, ["w2"] = WidgetState.BeingDeleted }, states);
    }

    [Fact]
    public async Task Task_of_JsonElement_keeps_free_form_json_usable_after_the_response_is_gone()
    {
        int calls = 0;
        using var handler = new CapturingHandler(_ => CapturingHandler.Json(HttpStatusCode.OK, ++calls == 1
            ? """{"a":[1,"two",{"b":null}],"c":true}"""
            : """{"z":[9,"xxx",{"y":"zzzzz"}],"q":false}"""));
        IResponseShapesApi api = Api(handler);

        JsonElement element = await api.GetFreeFormAsync();
        await api.GetFreeFormAsync(); // the read buffer is pooled: a later body must not show through

        Assert.Equal("""{"a":[1,"two",{"b":null}],"c":true}""", element.GetRawText());
        Assert.Equal("two", element.GetProperty("a")[1].GetString());
    }

    [Fact]
    public async Task AsyncEnumerable_of_scalars_pages_too()
    {
        using var handler = new CapturingHandler(request => request.Uri.EndsWith("?page=2", StringComparison.Ordinal)
            ? CapturingHandler.Json(HttpStatusCode.OK, """["c"]""")
            : CapturingHandler.Json(HttpStatusCode.OK, """["a","b"]""", ("opc-next-page", "2")));

        List<string> names = await Api(handler).ListNamesAsync().ToListAsync();

        Assert.Equal(["a", "b", "c"], names);
        Assert.Equal($"{Base}/widget-names?page=2", handler.Requests[1].Uri);
    }

    // ---- 2xx without a body ----

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

    // ---- paging ----

    /// <summary>Three pages of widgets: w1 w2 | w3 w4 | w5, linked by opc-next-page tokens.</summary>
    private static CapturingHandler ThreePages(string secondToken = "p2") => new(request =>
    {
        string query = new Uri(request.Uri).Query;
        (string ids, string? next) = query.Contains("page=", StringComparison.Ordinal)
            ? query.EndsWith("page=p3", StringComparison.Ordinal) ? ("w5", null) : ("w3 w4", "p3")
            : ("w1 w2", secondToken);
        string body = "[" + string.Join(',', ids.Split(' ').Select(id => $$"""{"id":"{{id}}"}""")) + "]";
        return next is null
            ? CapturingHandler.Json(HttpStatusCode.OK, body)
            : CapturingHandler.Json(HttpStatusCode.OK, body, ("opc-next-page", next));
    });

    [Fact]
    public async Task AsyncEnumerable_yields_every_item_of_every_page_and_stops_without_next_page()
    {
        using CapturingHandler handler = ThreePages();

        List<string> ids = [];
        await foreach (Widget widget in Api(handler).ListAsync("ocid1.compartment..c", limit: 2))
        {
            ids.Add(widget.Id);
        }

        Assert.Equal(["w1", "w2", "w3", "w4", "w5"], ids);
        Assert.Equal(
            [
                $"{Base}/widgets?compartmentId=ocid1.compartment..c&limit=2",
                $"{Base}/widgets?compartmentId=ocid1.compartment..c&limit=2&page=p2",
                $"{Base}/widgets?compartmentId=ocid1.compartment..c&limit=2&page=p3",
            ],
            handler.Requests.Select(r => r.Uri));
        Assert.All(handler.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task AsyncEnumerable_requests_a_page_only_when_the_previous_one_is_used_up()
    {
        using CapturingHandler handler = ThreePages();
        IAsyncEnumerable<Widget> widgets = Api(handler).ListAsync("c");
        Assert.Empty(handler.Requests); // calling the method sends nothing

        await using IAsyncEnumerator<Widget> enumerator = widgets.GetAsyncEnumerator();
        Assert.Empty(handler.Requests);

        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal("w1", enumerator.Current.Id);
        Assert.Single(handler.Requests);

        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal("w2", enumerator.Current.Id);
        Assert.Single(handler.Requests); // the first page's last item does not fetch the second page

        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal("w3", enumerator.Current.Id);
        Assert.Equal(2, handler.Requests.Count);

        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(2, handler.Requests.Count);
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal("w5", enumerator.Current.Id);
        Assert.Equal(3, handler.Requests.Count);

        Assert.False(await enumerator.MoveNextAsync());
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task AsyncEnumerable_sends_the_page_token_back_escaped()
    {
        using CapturingHandler handler = ThreePages(secondToken: "a b+c/d=");

        await foreach (Widget _ in Api(handler).ListAsync("c"))
        {
        }

        Assert.Equal($"{Base}/widgets?compartmentId=c&page=a%20b%2Bc%2Fd%3D", handler.Requests[1].Uri);
    }

    [Fact]
    public async Task AsyncEnumerable_continues_past_an_empty_page_that_has_a_next_page()
    {
        using var handler = new CapturingHandler(request => request.Uri.EndsWith("page=p2", StringComparison.Ordinal)
            ? CapturingHandler.Json(HttpStatusCode.OK, """[{"id":"last"}]""")
            : CapturingHandler.Json(HttpStatusCode.OK, "[]", ("opc-next-page", "p2")));

        List<Widget> widgets = await Api(handler).ListAsync("c").ToListAsync();

        Assert.Equal("last", Assert.Single(widgets).Id);
    }

    [Fact]
    public async Task AsyncEnumerable_each_enumeration_starts_again_from_the_first_page()
    {
        using CapturingHandler handler = ThreePages();
        IAsyncEnumerable<Widget> widgets = Api(handler).ListAsync("c");

        Assert.Equal(5, (await widgets.ToListAsync()).Count);
        Assert.Equal(5, (await widgets.ToListAsync()).Count);

        Assert.Equal(6, handler.Requests.Count);
        Assert.DoesNotContain("page=", handler.Requests[3].Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AsyncEnumerable_cancelled_between_pages_stops_without_requesting_the_next_page()
    {
        using CapturingHandler handler = ThreePages();
        using var cts = new CancellationTokenSource();
        await using IAsyncEnumerator<Widget> enumerator = Api(handler).ListAsync("c", cancellationToken: cts.Token).GetAsyncEnumerator();
        Assert.True(await enumerator.MoveNextAsync());
        Assert.True(await enumerator.MoveNextAsync());

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await enumerator.MoveNextAsync());
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task AsyncEnumerable_honours_the_token_given_to_WithCancellation()
    {
        using CapturingHandler handler = ThreePages();
        using var cts = new CancellationTokenSource();
        List<string> ids = [];

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (Widget widget in Api(handler).ListAsync("c").WithCancellation(cts.Token))
            {
                ids.Add(widget.Id);
                if (ids.Count == 3)
                {
                    await cts.CancelAsync();
                }
            }
        });

        Assert.Equal(["w1", "w2", "w3"], ids);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task AsyncEnumerable_error_on_a_later_page_surfaces_after_the_earlier_items()
    {
        using var handler = new CapturingHandler(request => request.Uri.Contains("page=", StringComparison.Ordinal)
            ? CapturingHandler.Json(HttpStatusCode.TooManyRequests, """{"code":"TooManyRequests","message":"slow down"}""", ("opc-request-id", "R429"))
            : CapturingHandler.Json(HttpStatusCode.OK, """[{"id":"w1"}]""", ("opc-next-page", "p2")));
        List<string> ids = [];

        var error = await Assert.ThrowsAsync<OciServiceException>(async () =>
        {
            await foreach (Widget widget in Api(handler).ListAsync("c"))
            {
                ids.Add(widget.Id);
            }
        });

        Assert.Equal(["w1"], ids);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal("TooManyRequests", error.ServiceCode);
        Assert.Equal("R429", error.OpcRequestId);
    }

    [Fact]
    public void AsyncEnumerable_checks_a_null_path_value_at_the_call()
    {
        using CapturingHandler handler = ThreePages();

        // Assert.Throws, not ThrowsAsync: the exception must come from the call itself, before any enumeration.
        var error = Assert.Throws<ArgumentNullException>(() => Api(handler).ListChildrenAsync(null!));

        Assert.Equal("parentId", error.ParamName);
        Assert.Empty(handler.Requests);
    }

    public static TheoryData<string> BadPagedArguments() => ["empty path value", "undefined enum", "header line break", "header NUL"];

    [Theory]
    [MemberData(nameof(BadPagedArguments))]
    public void AsyncEnumerable_checks_every_argument_at_the_call(string bad)
    {
        using CapturingHandler handler = ThreePages();
        IResponseShapesApi api = Api(handler);

        ArgumentException error = bad switch
        {
            "empty path value" => Assert.Throws<ArgumentException>(() => api.ListChildrenAsync("")),
            "undefined enum" => Assert.Throws<ArgumentOutOfRangeException>(() => api.ListChildrenAsync("p", state: (WidgetState)99)),
            "header line break" => Assert.Throws<ArgumentException>(() => api.ListChildrenAsync("p", tenant: "t\r\nx-injected: yes")),
            _ => Assert.Throws<ArgumentException>(() => api.ListChildrenAsync("p", tenant: "t\0")),
        };

        Assert.NotNull(error);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task AsyncEnumerable_sends_header_parameters_with_every_page_and_a_fresh_request_id_each_time()
    {
        using CapturingHandler handler = ThreePages();

        List<Widget> widgets = await Api(handler).ListChildrenAsync("p 1", WidgetState.NeedsAttention, tenant: "tenant-7").ToListAsync();

        Assert.Equal(5, widgets.Count);
        Assert.Equal(
            [
                $"{Base}/parents/p%201/widgets?state=NEEDS_ATTENTION",
                $"{Base}/parents/p%201/widgets?state=NEEDS_ATTENTION&page=p2",
                $"{Base}/parents/p%201/widgets?state=NEEDS_ATTENTION&page=p3",
            ],
            handler.Requests.Select(r => r.Uri));
        Assert.All(handler.Requests, r => Assert.Equal("tenant-7", r.Header("x-tenant")));
        Assert.Equal(3, handler.Requests.Select(r => r.Header("opc-request-id")).Distinct().Count());
    }

    [Fact]
    public async Task AsyncEnumerable_without_query_parameters_starts_the_page_token_with_a_question_mark()
    {
        using CapturingHandler handler = ThreePages();

        await Api(handler).ListChildrenAsync("p").ToListAsync();

        Assert.Equal($"{Base}/parents/p/widgets?page=p2", handler.Requests[1].Uri);
    }

    // ---- service errors ----

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

    // ---- unreadable JSON ----

    [Fact]
    public async Task Wrong_type_deep_in_the_body_names_the_json_path_and_expected_type()
    {
        const string Body = """
            {"items":[{"id":"a","timeCreated":"2026-01-02T03:04:05Z"},{"id":"b"},{"id":"c","timeCreated":12345}]}
            """;
        using CapturingHandler handler = Answer(HttpStatusCode.OK, Body);

        var error = await Assert.ThrowsAsync<OciJsonException>(() => Api(handler).GetCollectionAsync("c1"));

        Assert.Equal("$.items[2].timeCreated", error.JsonPath);
        Assert.Equal("DateTimeOffset", error.ExpectedType);
        Assert.Contains("$.items[2].timeCreated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_date_string_names_the_json_path()
    {
        using CapturingHandler handler = Answer(HttpStatusCode.OK, """{"items":[{"id":"a","timeCreated":"yesterday"}]}""");

        var error = await Assert.ThrowsAsync<OciJsonException>(() => Api(handler).GetCollectionAsync("c1"));

        Assert.Equal("$.items[0].timeCreated", error.JsonPath);
        Assert.Equal("DateTimeOffset", error.ExpectedType);
    }

    [Fact]
    public async Task Unknown_enum_value_names_the_json_path_and_enum()
    {
        using CapturingHandler handler = Answer(HttpStatusCode.OK, """{"id":"a","state":"MELTING"}""");

        var error = await Assert.ThrowsAsync<OciJsonException>(() => Api(handler).GetAsync("a"));

        Assert.Equal("$.state", error.JsonPath);
        Assert.Equal("WidgetState", error.ExpectedType);
    }

    [Fact]
    public async Task Number_out_of_range_names_the_json_path()
    {
        using CapturingHandler handler = Answer(HttpStatusCode.OK, """{"id":"a","count":2147483648}""");

        var error = await Assert.ThrowsAsync<OciJsonException>(() => Api(handler).GetAsync("a"));

        Assert.Equal("$.count", error.JsonPath);
        Assert.Equal("int", error.ExpectedType);
    }

    [Fact]
    public async Task Wrong_root_type_names_the_root()
    {
        using CapturingHandler handler = Answer(HttpStatusCode.OK, """[{"id":"a"}]""");

        var error = await Assert.ThrowsAsync<OciJsonException>(() => Api(handler).GetAsync("a"));

        Assert.Equal("$", error.JsonPath);
        Assert.Equal("Widget", error.ExpectedType);
    }

    [Fact]
    public async Task Bad_item_in_a_page_names_its_index()
    {
        using CapturingHandler handler = Answer(HttpStatusCode.OK, """[{"id":"a"},{"id":"b","count":"three"}]""");

        var error = await Assert.ThrowsAsync<OciJsonException>(() => Api(handler).ListAsync("c").ToListAsync().AsTask());

        Assert.Equal("$[1].count", error.JsonPath);
        Assert.Equal("int", error.ExpectedType);
    }

    [Theory]
    [InlineData("""{"id":"a","displayName":"x""", "$.displayName")]
    [InlineData("""{"id":"a",""", "$")]
    [InlineData("""{"id":"a"} trailing""", "$")]
    [InlineData(" \n", "$")] // whitespace is a body, and not a JSON value
    public async Task Truncated_or_malformed_json_gives_OciJsonException(string body, string path)
    {
        using CapturingHandler handler = Answer(HttpStatusCode.OK, body);

        var error = await Assert.ThrowsAsync<OciJsonException>(() => Api(handler).GetAsync("a"));

        Assert.Equal(path, error.JsonPath);
        Assert.False(string.IsNullOrEmpty(error.ExpectedType));
    }

    [Fact]
    public async Task Body_larger_than_the_initial_buffer_is_read_whole()
    {
        string name = new('x', 100_000);
        using var handler = new CapturingHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            // No Content-Length: the reader must grow its buffer.
            Content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes($$"""{"id":"big","displayName":"{{name}}"}"""))),
        });

        Widget widget = await Api(handler).GetAsync("big");

        Assert.Equal(name, widget.DisplayName);
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
