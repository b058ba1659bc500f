using System.Net;
using System.Text;
using OciRaw.Client.Tests.Interfaces;
using OciRaw.Client.Tests.Models;
using OciRaw.Client.Tests.TestSupport;

namespace OciRaw.Client.Tests;

/// <summary>
/// Issue 9 item 2 through a capturing handler: OCI collection objects as pages, paged POST and PUT bodies sent again
/// with every page, page-level enumeration with headers, and opaque page tokens.
/// </summary>
public sealed class CollectionPagingTests
{
    private const string Base = "https://svc.example.com";
    private const string Token = "AAAA+bb/cc==";
    private const string EscapedToken = "AAAA%2Bbb%2Fcc%3D%3D";

    /// <summary>Three pages of OCI collections: the first names the token with '+', '/' and '='.</summary>
    private static CapturingHandler ThreeCollectionPages() => new(request =>
        request.Uri.Contains("page=", StringComparison.Ordinal) switch
        {
            false => CapturingHandler.Json(HttpStatusCode.OK, """{"items":[{"id":"ci1","displayName":"a"},{"id":"ci2"}],"summary":{"x":[1,{"y":2}]}}""", ("opc-next-page", Token)),
            true when request.Uri.EndsWith(EscapedToken, StringComparison.Ordinal) =>
                CapturingHandler.Json(HttpStatusCode.OK, """{"unknown":"first","items":[{"id":"ci3"}]}""", ("opc-next-page", "p3")),
            true => CapturingHandler.Json(HttpStatusCode.OK, """{"items":[]}"""),
        });

    [Fact]
    public async Task Collection_objects_page_by_items_and_the_token_goes_back_escaped_whole()
    {
        using CapturingHandler handler = ThreeCollectionPages();
        IContainerInstances api = IContainerInstances.Create(handler.CreateClient());

        List<ContainerInstanceSummary> items = await api.ListContainerInstancesAsync("ocid1.compartment..c", limit: 2).ToListAsync();

        Assert.Equal(["ci1", "ci2", "ci3"], items.Select(i => i.Id));
        Assert.Equal("a", items[0].DisplayName);
        Assert.Equal(
            [
                $"{Base}/20210415/containerInstances?compartmentId=ocid1.compartment..c&limit=2",
                $"{Base}/20210415/containerInstances?compartmentId=ocid1.compartment..c&limit=2&page={EscapedToken}",
                $"{Base}/20210415/containerInstances?compartmentId=ocid1.compartment..c&limit=2&page=p3",
            ],
            handler.Requests.Select(r => r.Uri));
        Assert.All(handler.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Theory]
    [InlineData("""[{"id":"a"},{"id":"b"}]""", "a,b")]
    [InlineData("""{"items":[{"id":"a"},{"id":"b"}]}""", "a,b")]
    [InlineData("""{"items":null,"other":1}""", "")]
    [InlineData("""null""", "")]
    [InlineData("", "")]
    public async Task A_page_is_an_array_a_collection_object_null_or_nothing(string body, string expected)
    {
        using CapturingHandler handler = new(_ => CapturingHandler.Json(HttpStatusCode.OK, body));

        List<ContainerInstanceSummary> items = await IContainerInstances.Create(handler.CreateClient()).ListContainerInstancesAsync("c").ToListAsync();

        Assert.Equal(expected, string.Join(",", items.Select(i => i.Id)));
    }

    [Fact]
    public async Task An_object_without_items_says_how_to_read_pages_of_another_shape()
    {
        using CapturingHandler handler = new(_ => CapturingHandler.Json(HttpStatusCode.OK, """{"results":[{"data":1}]}"""));

        OciJsonException error = await Assert.ThrowsAsync<OciJsonException>(
            async () => await IContainerInstances.Create(handler.CreateClient()).ListContainerInstancesAsync("c").ToListAsync());

        Assert.Contains("without an 'items' member", error.Message, StringComparison.Ordinal);
        Assert.Contains("IAsyncEnumerable<OciResponse<TPage>>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_item_inside_a_collection_is_reported_at_its_path()
    {
        using CapturingHandler handler = new(_ => CapturingHandler.Json(HttpStatusCode.OK, """{"items":[{"id":"a"},{"id":5}]}"""));

        OciJsonException error = await Assert.ThrowsAsync<OciJsonException>(
            async () => await IContainerInstances.Create(handler.CreateClient()).ListContainerInstancesAsync("c").ToListAsync());

        Assert.Equal("$.items[1].id", error.JsonPath);
    }

    [Fact]
    public async Task Pages_come_whole_with_their_headers()
    {
        using CapturingHandler handler = ThreeCollectionPages();

        List<OciResponse<ContainerInstancePage>> pages = await IContainerInstances.Create(handler.CreateClient())
            .ListContainerInstancePagesAsync("c").ToListAsync();

        Assert.Equal(3, pages.Count);
        Assert.Equal([Token, "p3", null], pages.Select(p => p.OpcNextPage));
        Assert.Equal([2, 1, 0], pages.Select(p => p.Data.Items.Count));
        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.StatusCode));
        Assert.Equal($"{Base}/20210415/containerInstances?compartmentId=c&page={EscapedToken}", handler.Requests[1].Uri);
    }

    [Fact]
    public async Task A_paged_POST_sends_the_same_body_with_every_page_and_yields_its_own_page_shape()
    {
        var details = new SearchLogsDetails
        {
            TimeStart = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            TimeEnd = new DateTimeOffset(2026, 1, 2, 4, 4, 5, TimeSpan.Zero),
            SearchQuery = "search \"ocid1.compartment..c\" | sort by datetime desc",
        };
        using CapturingHandler handler = new(request => request.Uri.Contains("page=", StringComparison.Ordinal)
            ? CapturingHandler.Json(HttpStatusCode.OK, """{"results":[{"data":{"n":3}}],"summary":{"resultCount":1,"fieldCount":1}}""")
            : CapturingHandler.Json(HttpStatusCode.OK, """{"results":[{"data":{"n":1}},{"data":{"n":2}}],"summary":{"resultCount":2,"fieldCount":1}}""", ("opc-next-page", Token)));

        List<OciResponse<SearchResponse>> pages = await ILogSearch.Create(handler.CreateClient()).SearchLogsAsync(details, limit: 2, requestId: "REQ1").ToListAsync();

        Assert.Equal([2, 1], pages.Select(p => p.Data.Summary!.ResultCount));
        Assert.Equal([1, 2, 3], pages.SelectMany(p => p.Data.Results).Select(r => r.Data.GetProperty("n").GetInt32()));
        Assert.Equal([$"{Base}/20190909/search?limit=2", $"{Base}/20190909/search?limit=2&page={EscapedToken}"], handler.Requests.Select(r => r.Uri));
        const string Body = """{"timeStart":"2026-01-02T03:04:05+00:00","timeEnd":"2026-01-02T04:04:05+00:00","searchQuery":"search \u0022ocid1.compartment..c\u0022 | sort by datetime desc"}""";
        Assert.All(handler.Requests, r =>
        {
            Assert.Equal("POST", r.Method);
            Assert.Equal(Body, r.BodyText);
            Assert.Equal("application/json", r.ContentType);
            Assert.Equal(Encoding.UTF8.GetByteCount(Body), r.ContentLength);
            Assert.Equal("REQ1", r.Header("opc-request-id"));
        });
    }

    [Fact]
    public async Task A_paged_PUT_sends_its_body_again_on_every_enumeration()
    {
        using CapturingHandler handler = new(request => request.Uri.Contains("page=", StringComparison.Ordinal)
            ? CapturingHandler.Json(HttpStatusCode.OK, """{"items":[{"id":"b"}]}""")
            : CapturingHandler.Json(HttpStatusCode.OK, """{"items":[{"id":"a"}]}""", ("opc-next-page", "2")));
        IAsyncEnumerable<ContainerInstanceSummary> list = ILogSearch.Create(handler.CreateClient()).PutAndListAsync("col 1", new SearchLogsDetails { SearchQuery = "q" });

        List<ContainerInstanceSummary> first = await list.ToListAsync();
        List<ContainerInstanceSummary> second = await list.ToListAsync();

        Assert.Equal(["a", "b"], first.Select(i => i.Id));
        Assert.Equal(["a", "b"], second.Select(i => i.Id));
        Assert.Equal(4, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal(("PUT", """{"timeStart":"0001-01-01T00:00:00+00:00","timeEnd":"0001-01-01T00:00:00+00:00","searchQuery":"q"}"""), (r.Method, r.BodyText)));
        Assert.Equal($"{Base}/20190909/collections/col%201/items?page=2", handler.Requests[3].Uri);
    }

    [Fact]
    public async Task A_failing_page_throws_the_service_error_of_that_page()
    {
        using CapturingHandler handler = new(request => request.Uri.Contains("page=", StringComparison.Ordinal)
            ? CapturingHandler.Json(HttpStatusCode.TooManyRequests, """{"code":"TooManyRequests","message":"slow down"}""")
            : CapturingHandler.Json(HttpStatusCode.OK, """{"results":[],"summary":{"resultCount":0}}""", ("opc-next-page", "2")));
        var seen = new List<int>();

        OciServiceException error = await Assert.ThrowsAsync<OciServiceException>(async () =>
        {
            await foreach (OciResponse<SearchResponse> page in ILogSearch.Create(handler.CreateClient()).SearchLogsAsync(new SearchLogsDetails()))
            {
                seen.Add(page.Data.Summary!.ResultCount);
            }
        });

        Assert.Equal([0], seen);
        Assert.Equal("TooManyRequests", error.ServiceCode);
    }
}
