using System.Net;
using System.Text.Json;
using OciRaw.Client.Tests.Interfaces;
using OciRaw.Client.Tests.Models;
using OciRaw.Client.Tests.TestSupport;
using static OciRaw.Client.Tests.TestSupport.ResponseShapesCalls;

namespace OciRaw.Client.Tests;

/// <summary>
/// How generated clients turn a 2xx response into each supported return shape.
/// </summary>
public sealed class ResponseShapeTests
{
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
}
