using System.Net;
using System.Text;
using OciRaw.Client.Tests.Models;
using OciRaw.Client.Tests.TestSupport;
using static OciRaw.Client.Tests.TestSupport.ResponseShapesCalls;

namespace OciRaw.Client.Tests;

/// <summary>
/// Unreadable JSON gives an <see cref="OciJsonException"/> naming the JSON path and the expected type; a body
/// larger than the first buffer is read whole.
/// </summary>
public sealed class UnreadableJsonTests
{
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
}
