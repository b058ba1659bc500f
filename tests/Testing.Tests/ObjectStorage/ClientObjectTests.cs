using System.Net;
using OciRaw.Samples.ObjectStorage.Models;
using OciRaw.Testing.Tests.TestSupport;
using static OciRaw.Testing.Tests.TestSupport.ObjectStorageClient;

namespace OciRaw.Testing.Tests.ObjectStorage;

/// <summary>
/// Objects through the generated <c>IObjectStorage</c> client: PutObject (stream body, content headers, opc-meta-*,
/// signed without the body), GetObject and HeadObject (header-bound results), DeleteObject, ListObjects and
/// RenameObject, with OCI's errors and awkward object names.
/// </summary>
public sealed class ClientObjectTests
{
    private static readonly Dictionary<string, string> Metadata = new() { ["Origin"] = "test", ["run"] = "42" };

    [Fact]
    public async Task PutObject_streams_the_body_with_its_content_headers_and_metadata_and_GetObject_and_HeadObject_read_them_back()
    {
        await using ObjectStorageClient os = await ObjectStorageClient.StartAsync();
        await os.CreateBucketAsync("b");
        byte[] content = Filled(3000, 7);

        PutObjectResult put = await os.PutAsync("b", "doc.bin", content, Metadata, "application/x-test");
        using GetObjectResult got = await os.Client.GetObjectAsync(os.Namespace, "b", "doc.bin");
        using var read = new MemoryStream();
        await got.Content.CopyToAsync(read);
        HeadObjectResult head = await os.Client.HeadObjectAsync(os.Namespace, "b", "doc.bin");

        Assert.Equal(Md5(content), put.OpcContentMd5);
        Assert.NotNull(put.LastModified);
        Assert.Matches("^[0-9A-F]{32}$", put.OpcRequestId);
        Assert.Equal(content, read.ToArray());
        foreach (HeadObjectResult headers in new[] { got, head })
        {
            Assert.Equal(put.ETag, headers.ETag);
            Assert.Equal(3000, headers.ContentLength);
            Assert.Equal("application/x-test", headers.ContentType);
            Assert.Equal(Md5(content), headers.ContentMd5);
            Assert.Null(headers.OpcMultipartMd5);
            Assert.Equal("Standard", headers.StorageTier);
            Assert.Equal(put.LastModified, headers.LastModified);
            Assert.Equal("test", headers.OpcMeta["origin"]);
            Assert.Equal("42", headers.OpcMeta["RUN"]);
            Assert.Equal(2, headers.OpcMeta.Count);
        }

        Assert.Null(got.ContentRange);
        SentRequest sent = os.LastSent("PUT", "/o/doc.bin");
        Assert.Equal("date (request-target) host", sent.AuthorizationParameter("headers"));
        Assert.Null(sent.Header("x-content-sha256"));
        Assert.Equal(Md5(content), sent.Header("content-md5"));
        Assert.Equal("3000", sent.Header("content-length"));
        Assert.Equal("test", sent.Header("opc-meta-Origin"));
        Assert.Equal("HEAD", os.Tap.Sent[^1].Method);
    }

    [Fact]
    public async Task GetObject_reads_a_range_and_if_none_match_of_the_current_etag_is_304()
    {
        await using ObjectStorageClient os = await ObjectStorageClient.StartAsync();
        await os.CreateBucketAsync("b");
        byte[] content = Filled(100, 1);
        PutObjectResult put = await os.PutAsync("b", "o", content);

        using GetObjectResult range = await os.Client.GetObjectAsync(os.Namespace, "b", "o", range: "bytes=10-19");
        using var read = new MemoryStream();
        await range.Content.CopyToAsync(read);
        using GetObjectResult changed = await os.Client.GetObjectAsync(os.Namespace, "b", "o", ifNoneMatch: "\"another-etag\"");

        Assert.Equal(content[10..20], read.ToArray());
        Assert.Equal("bytes 10-19/100", range.ContentRange);
        Assert.Equal(10, range.ContentLength);
        Assert.Null(range.ContentMd5); // OCI sends content-md5 only for the whole object
        Assert.Equal(put.ETag, changed.ETag);
        // 304 Not Modified is not a 2xx: the client surfaces it as a service exception (the Go SDK sets IsNotModified instead).
        OciServiceException notModified = await Assert.ThrowsAsync<OciServiceException>(
            () => os.Client.GetObjectAsync(os.Namespace, "b", "o", ifNoneMatch: put.ETag));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(string.Empty, notModified.ResponseBody);
        Assert.Equal(os.Tap.Sent[^1].Header("opc-request-id"), notModified.OpcRequestId);
    }

    [Fact]
    public async Task Stale_preconditions_are_412_and_a_wrong_content_md5_is_400_leaving_nothing_stored()
    {
        await using ObjectStorageClient os = await ObjectStorageClient.StartAsync();
        await os.CreateBucketAsync("b");
        PutObjectResult first = await os.PutAsync("b", "o", [1, 2, 3]);
        PutObjectResult second = await os.PutAsync("b", "o", [4, 5, 6]);
        using var body = new MemoryStream([9, 9, 9]);

        await os.FailsAsync(() => os.Client.PutObjectAsync(os.Namespace, "b", "o", new MemoryStream([7]), ifMatch: first.ETag), HttpStatusCode.PreconditionFailed, "IfMatchFailed");
        await os.FailsAsync(() => os.Client.PutObjectAsync(os.Namespace, "b", "o", new MemoryStream([7]), ifNoneMatch: "*"), HttpStatusCode.PreconditionFailed, "IfNoneMatchFailed");
        await os.FailsAsync(() => os.Client.GetObjectAsync(os.Namespace, "b", "o", ifMatch: first.ETag), HttpStatusCode.PreconditionFailed, "IfMatchFailed");
        await os.FailsAsync(() => os.Client.DeleteObjectAsync(os.Namespace, "b", "o", ifMatch: first.ETag), HttpStatusCode.PreconditionFailed, "IfMatchFailed");
        OciServiceException badMd5 = await os.FailsAsync(
            () => os.Client.PutObjectAsync(os.Namespace, "b", "new", body, contentMd5: Md5([1, 2, 3])), HttpStatusCode.BadRequest, "UnmatchedContentMD5");

        Assert.Contains(Md5([9, 9, 9]), badMd5.ServiceMessage, StringComparison.Ordinal);
        await os.FailsAsync(() => os.Client.HeadObjectAsync(os.Namespace, "b", "new"), HttpStatusCode.NotFound, "Not Found"); // HEAD answers carry no body, so no code
        await os.FailsAsync(() => os.Client.GetObjectAsync(os.Namespace, "b", "new"), HttpStatusCode.NotFound, "ObjectNotFound");
        Assert.Equal([4, 5, 6], await os.GetBytesAsync("b", "o"));
        Assert.Single(os.StoredFiles()); // neither the refused bodies nor the replaced object is left on disk

        OciResponse deleted = await os.Client.DeleteObjectAsync(os.Namespace, "b", "o", ifMatch: second.ETag);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(os.StoredFiles());
    }

    [Fact]
    public async Task Missing_buckets_and_objects_are_404_with_their_codes()
    {
        await using ObjectStorageClient os = await ObjectStorageClient.StartAsync();
        await os.CreateBucketAsync("b");

        await os.FailsAsync(() => os.PutAsync("nope", "o", [1]), HttpStatusCode.NotFound, "BucketNotFound");
        await os.FailsAsync(() => os.Client.GetObjectAsync(os.Namespace, "nope", "o"), HttpStatusCode.NotFound, "BucketNotFound");
        await os.FailsAsync(() => os.Client.ListObjectsAsync(os.Namespace, "nope"), HttpStatusCode.NotFound, "BucketNotFound");
        OciServiceException missing = await os.FailsAsync(() => os.Client.GetObjectAsync(os.Namespace, "b", "o"), HttpStatusCode.NotFound, "ObjectNotFound");
        await os.FailsAsync(() => os.Client.DeleteObjectAsync(os.Namespace, "b", "o"), HttpStatusCode.NotFound, "ObjectNotFound");

        Assert.Contains("'o'", missing.ServiceMessage, StringComparison.Ordinal);
        Assert.Empty(os.StoredFiles());
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("a/b c+d")]
    [InlineData("100% ünïcode?#&=")]
    public async Task Awkward_object_names_round_trip_through_put_get_head_list_rename_and_delete(string name)
    {
        await using ObjectStorageClient os = await ObjectStorageClient.StartAsync();
        await os.CreateBucketAsync("b");
        byte[] content = Filled(50, 3);

        PutObjectResult put = await os.PutAsync("b", name, content);
        byte[] read = await os.GetBytesAsync("b", name);
        HeadObjectResult head = await os.Client.HeadObjectAsync(os.Namespace, "b", name);
        ListObjects listed = await os.Client.ListObjectsAsync(os.Namespace, "b");
        await os.Client.RenameObjectAsync(os.Namespace, "b", new RenameObjectDetails(name, name + "-renamed"));
        await os.Client.RenameObjectAsync(os.Namespace, "b", new RenameObjectDetails(name + "-renamed", name));
        await os.Client.DeleteObjectAsync(os.Namespace, "b", name);

        Assert.Equal(content, read);
        Assert.Equal(put.ETag, head.ETag);
        Assert.Equal([name], listed.Objects.Select(o => o.Name));
        Assert.Empty((await os.Client.ListObjectsAsync(os.Namespace, "b")).Objects);
        Assert.Empty(os.StoredFiles());
        // The name travels as one escaped path segment: '/' as %2F, and a whole '.' or '..' as %2E.
        string escaped = os.LastSent("PUT", "/o/").Uri.AbsolutePath;
        Assert.EndsWith("/o/" + (name switch { "." => "%2E", ".." => "%2E%2E", _ => Uri.EscapeDataString(name) }), escaped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListObjects_pages_by_start_and_nextStartWith_under_a_prefix_with_the_fields_asked_for()
    {
        await using ObjectStorageClient os = await ObjectStorageClient.StartAsync();
        await os.CreateBucketAsync("b");
        foreach (string name in new[] { "a3", "a1", "b1", "a2", "a4" })
        {
            await os.PutAsync("b", name, Filled(name[1] - '0', 1));
        }

        var pages = new List<ListObjects>();
        string? start = null;
        do
        {
            ListObjects page = await os.Client.ListObjectsAsync(os.Namespace, "b", prefix: "a", start: start, limit: 3, fields: [ObjectField.Size, ObjectField.Md5, ObjectField.ETag]);
            pages.Add(page);
            start = page.NextStartWith;
        }
        while (start is not null);
        ListObjects namesOnly = await os.Client.ListObjectsAsync(os.Namespace, "b", start: "a4");

        Assert.Equal(2, pages.Count);
        Assert.Equal(["a1", "a2", "a3"], pages[0].Objects.Select(o => o.Name));
        Assert.Equal("a4", pages[0].NextStartWith);
        Assert.Equal(["a4"], pages[1].Objects.Select(o => o.Name));
        Assert.Null(pages[1].NextStartWith);
        ObjectSummary a2 = pages[0].Objects[1];
        Assert.Equal(2, a2.Size);
        Assert.Equal(Md5(Filled(2, 1)), a2.Md5);
        Assert.False(string.IsNullOrEmpty(a2.ETag));
        Assert.Null(a2.TimeCreated);
        Assert.Equal(["a4", "b1"], namesOnly.Objects.Select(o => o.Name));
        Assert.All(namesOnly.Objects, o => Assert.Null(o.Size));
        Assert.Contains("fields=size,md5,etag", os.Tap.Sent.First(r => r.Uri.AbsolutePath.EndsWith("/o", StringComparison.Ordinal)).Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenameObject_moves_the_object_and_checks_its_preconditions()
    {
        await using ObjectStorageClient os = await ObjectStorageClient.StartAsync();
        await os.CreateBucketAsync("b");
        PutObjectResult put = await os.PutAsync("b", "old", [1, 2], Metadata);
        await os.PutAsync("b", "other", [3]);

        OciResponse renamed = await os.Client.RenameObjectAsync(os.Namespace, "b", new RenameObjectDetails("old", "new") { SourceIfMatchETag = put.ETag });
        HeadObjectResult head = await os.Client.HeadObjectAsync(os.Namespace, "b", "new");

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(renamed.ETag, head.ETag);
        Assert.Equal("test", head.OpcMeta["origin"]);
        Assert.Equal([1, 2], await os.GetBytesAsync("b", "new"));
        await os.FailsAsync(() => os.Client.GetObjectAsync(os.Namespace, "b", "old"), HttpStatusCode.NotFound, "ObjectNotFound");
        await os.FailsAsync(() => os.Client.RenameObjectAsync(os.Namespace, "b", new RenameObjectDetails("old", "x")), HttpStatusCode.NotFound, "ObjectNotFound");
        await os.FailsAsync(() => os.Client.RenameObjectAsync(os.Namespace, "b", new RenameObjectDetails("new", "other") { NewIfNoneMatchETag = "*" }),
            HttpStatusCode.PreconditionFailed, "IfNoneMatchFailed");
        await os.FailsAsync(() => os.Client.RenameObjectAsync(os.Namespace, "b", new RenameObjectDetails("new", "x") { SourceIfMatchETag = put.ETag }),
            HttpStatusCode.PreconditionFailed, "IfMatchFailed");
        Assert.Equal([3], await os.GetBytesAsync("b", "other"));
    }
}
