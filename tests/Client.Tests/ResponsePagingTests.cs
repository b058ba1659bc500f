using System.Net;
using OciRaw.Client.Tests.Interfaces;
using OciRaw.Client.Tests.Models;
using OciRaw.Client.Tests.TestSupport;
using static OciRaw.Client.Tests.TestSupport.ResponseShapesCalls;

namespace OciRaw.Client.Tests;

/// <summary>
/// How <c>IAsyncEnumerable</c> methods page through list endpoints: lazily, with the page token escaped, every argument
/// checked at the call, cancellation honoured and errors of later pages surfacing after the earlier items.
/// </summary>
public sealed class ResponsePagingTests
{
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
}
