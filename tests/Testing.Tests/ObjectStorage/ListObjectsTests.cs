using System.Net;
using System.Text.Json;
using OciRaw.Testing.Tests.TestSupport;
using static OciRaw.Testing.Tests.TestSupport.ObjectStorageSession;

namespace OciRaw.Testing.Tests.ObjectStorage;

/// <summary>ListObjects: <c>{"objects": [...], "prefixes": [...], "nextStartWith": ...}</c> with prefix, start, end, limit, delimiter and fields.</summary>
public sealed class ListObjectsTests
{
    private static readonly string[] Names = ["a.txt", "b/1.txt", "b/2.txt", "b/c/3.txt", "c.txt", "d.txt"];

    [Fact]
    public async Task By_default_objects_carry_only_their_name_in_order_without_prefixes_or_nextStartWith()
    {
        await using ObjectStorageSession session = await StartWithObjectsAsync();

        JsonElement page = await ListAsync(session, string.Empty);

        Assert.Equal(Names, ObjectNames(page));
        Assert.All(page.GetProperty("objects").EnumerateArray(), o => Assert.Equal(["name"], o.EnumerateObject().Select(p => p.Name)));
        Assert.False(page.TryGetProperty("prefixes", out _));
        Assert.False(page.TryGetProperty("nextStartWith", out _));
    }

    [Fact]
    public async Task Limit_pages_through_with_nextStartWith_as_start()
    {
        await using ObjectStorageSession session = await StartWithObjectsAsync();

        var seen = new List<string>();
        string? start = null;
        int pages = 0;
        do
        {
            JsonElement page = await ListAsync(session, "limit=4" + (start is null ? string.Empty : "&start=" + Uri.EscapeDataString(start)));
            seen.AddRange(ObjectNames(page));
            start = page.TryGetProperty("nextStartWith", out JsonElement next) ? next.GetString() : null;
            pages++;
        }
        while (start is not null);

        Assert.Equal(Names, seen);
        Assert.Equal(2, pages);
    }

    [Fact]
    public async Task Prefix_start_end_and_startAfter_select_a_name_range()
    {
        await using ObjectStorageSession session = await StartWithObjectsAsync();

        Assert.Equal(["b/1.txt", "b/2.txt", "b/c/3.txt"], ObjectNames(await ListAsync(session, "prefix=b%2F")));
        Assert.Equal(["b/2.txt", "b/c/3.txt", "c.txt"], ObjectNames(await ListAsync(session, "start=b%2F2.txt&end=d.txt")));
        Assert.Equal(["b/c/3.txt", "c.txt", "d.txt"], ObjectNames(await ListAsync(session, "startAfter=b%2F2.txt")));
    }

    [Fact]
    public async Task Delimiter_collapses_deeper_names_into_prefixes()
    {
        await using ObjectStorageSession session = await StartWithObjectsAsync();

        JsonElement top = await ListAsync(session, "delimiter=%2F");
        JsonElement underB = await ListAsync(session, "delimiter=%2F&prefix=b%2F");

        Assert.Equal(["a.txt", "c.txt", "d.txt"], ObjectNames(top));
        Assert.Equal(["b/"], top.GetProperty("prefixes").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["b/1.txt", "b/2.txt"], ObjectNames(underB));
        Assert.Equal(["b/c/"], underB.GetProperty("prefixes").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Fields_add_size_md5_etag_and_times()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");
        byte[] content = [1, 2, 3, 4, 5];
        string etag = await session.PutAsync("b", "o", content);

        JsonElement item = (await ListAsync(session, "fields=name,size,md5,etag,timeCreated,timeModified,storageTier")).GetProperty("objects")[0];

        Assert.Equal(5, item.GetProperty("size").GetInt64());
        Assert.Equal(Md5Base64(content), item.GetProperty("md5").GetString());
        Assert.Equal(etag, item.GetProperty("etag").GetString());
        Assert.Equal("Standard", item.GetProperty("storageTier").GetString());
        Assert.True(item.GetProperty("timeCreated").TryGetDateTimeOffset(out _));
        Assert.True(item.GetProperty("timeModified").TryGetDateTimeOffset(out _));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("delimiter=%7C", "delimiter")]
    [InlineData("fields=name,colour", "colour")]
    public async Task Invalid_query_parameters_are_400_InvalidParameter_naming_the_problem(string query, string named)
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");

        using HttpResponseMessage response = await session.SendAsync(HttpMethod.Get, session.BucketPath("b") + "/o?" + query);

        Assert.Contains(named, await OciErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidParameter"));
    }

    [Fact]
    public async Task Listing_a_missing_bucket_is_404_BucketNotFound()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();

        using HttpResponseMessage response = await session.SendAsync(HttpMethod.Get, session.BucketPath("none") + "/o");

        await OciErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "BucketNotFound");
    }

    private static async Task<ObjectStorageSession> StartWithObjectsAsync()
    {
        ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");
        foreach (string name in Names.Reverse())
        {
            await session.PutAsync("b", name, [7]);
        }

        return session;
    }

    private static async Task<JsonElement> ListAsync(ObjectStorageSession session, string query)
    {
        using HttpResponseMessage response = await session.SendAsync(HttpMethod.Get, session.BucketPath("b") + "/o?" + query);
        return JsonDocument.Parse(await EnsureAsync(response, HttpStatusCode.OK)).RootElement.Clone();
    }

    private static List<string> ObjectNames(JsonElement page) =>
        page.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("name").GetString()!).ToList();
}
