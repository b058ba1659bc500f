using System.Net;
using OciRaw.Samples.ObjectStorage.Models;
using OciRaw.Testing.Tests.TestSupport;

namespace OciRaw.Testing.Tests.ObjectStorage;

/// <summary>GetNamespace and buckets through the generated <c>IObjectStorage</c> client, errors included.</summary>
public sealed class ClientBucketTests
{
    [Fact]
    public async Task GetNamespace_returns_the_tenancys_namespace_as_a_plain_string()
    {
        await using ObjectStorageClient os = await ObjectStorageClient.StartAsync();

        string ns = await os.Client.GetNamespaceAsync();

        Assert.Equal(os.Emulator.ObjectStorageNamespace(os.CompartmentId), ns);
        Assert.DoesNotContain("\"", ns, StringComparison.Ordinal);
        Assert.Equal(os.Namespace, ns);
    }

    [Fact]
    public async Task A_bucket_is_created_read_with_its_approximate_fields_and_deleted()
    {
        await using ObjectStorageClient os = await ObjectStorageClient.StartAsync();

        OciResponse<Bucket> created = await os.Client.CreateBucketAsync(os.Namespace,
            new CreateBucketDetails("photos", os.CompartmentId) { Metadata = new() { ["team"] = "a" }, FreeformTags = new() { ["env"] = "test" } });
        await os.PutAsync("photos", "one", [1, 2, 3]);
        await os.PutAsync("photos", "two", [4, 5]);
        OciResponse<Bucket> plain = await os.Client.GetBucketAsync(os.Namespace, "photos");
        OciResponse<Bucket> counted = await os.Client.GetBucketAsync(os.Namespace, "photos", [BucketField.ApproximateCount, BucketField.ApproximateSize]);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("photos", created.Data.Name);
        Assert.Equal(os.Namespace, created.Data.Namespace);
        Assert.Equal(os.CompartmentId, created.Data.CompartmentId);
        Assert.StartsWith("ocid1.bucket.", created.Data.Id, StringComparison.Ordinal);
        Assert.Equal("a", created.Data.Metadata!["team"]);
        Assert.Equal("test", created.Data.FreeformTags!["env"]);
        Assert.Equal(created.ETag, created.Data.ETag);
        Assert.Equal(created.ETag, plain.ETag);
        Assert.Null(plain.Data.ApproximateCount);
        Assert.Null(plain.Data.ApproximateSize);
        Assert.Equal(2, counted.Data.ApproximateCount);
        Assert.Equal(5, counted.Data.ApproximateSize);
        Assert.EndsWith("/b/photos?fields=approximateCount,approximateSize", os.LastSent("GET", "/b/photos").Uri.PathAndQuery, StringComparison.Ordinal);

        await os.Client.DeleteObjectAsync(os.Namespace, "photos", "one");
        await os.Client.DeleteObjectAsync(os.Namespace, "photos", "two");
        await os.Client.DeleteBucketAsync(os.Namespace, "photos", created.ETag);
        await os.FailsAsync(() => os.Client.GetBucketAsync(os.Namespace, "photos"), HttpStatusCode.NotFound, "BucketNotFound");
    }

    [Fact]
    public async Task ListBuckets_follows_opc_next_page_through_every_page()
    {
        await using ObjectStorageClient os = await ObjectStorageClient.StartAsync();
        string[] names = ["b1", "b2", "b3", "b4", "b5"];
        foreach (string name in names.Reverse())
        {
            await os.CreateBucketAsync(name);
        }

        var listed = new List<BucketSummary>();
        await foreach (BucketSummary bucket in os.Client.ListBucketsAsync(os.Namespace, os.CompartmentId, limit: 2))
        {
            listed.Add(bucket);
        }

        Assert.Equal(names, listed.Select(b => b.Name));
        Assert.All(listed, b => Assert.Equal(os.Namespace, b.Namespace));
        Assert.All(listed, b => Assert.False(string.IsNullOrEmpty(b.ETag)));
        Assert.Equal(3, os.Emulator.Faults.CallCount("GET /n/{namespaceName}/b"));
        List<string> queries = os.Tap.Sent.Where(r => r.Method == "GET" && r.Uri.AbsolutePath.EndsWith("/b", StringComparison.Ordinal)).Select(r => r.Uri.Query).ToList();
        Assert.Equal(3, queries.Count);
        Assert.DoesNotContain("page=", queries[0], StringComparison.Ordinal);
        Assert.Contains("page=b2", queries[1], StringComparison.Ordinal);
        Assert.Contains("page=b4", queries[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bucket_errors_are_typed_service_exceptions_with_OCIs_codes()
    {
        await using ObjectStorageClient os = await ObjectStorageClient.StartAsync();
        OciResponse<Bucket> created = await os.CreateBucketAsync("taken");
        await os.PutAsync("taken", "o", [1]);

        OciServiceException exists = await os.FailsAsync(() => os.CreateBucketAsync("taken"), HttpStatusCode.Conflict, "BucketAlreadyExists");
        await os.FailsAsync(() => os.Client.GetBucketAsync(os.Namespace, "missing"), HttpStatusCode.NotFound, "BucketNotFound");
        await os.FailsAsync(() => os.Client.DeleteBucketAsync(os.Namespace, "missing"), HttpStatusCode.NotFound, "BucketNotFound");
        await os.FailsAsync(() => os.Client.DeleteBucketAsync(os.Namespace, "taken"), HttpStatusCode.Conflict, "BucketNotEmpty");
        await os.FailsAsync(() => os.Client.DeleteBucketAsync(os.Namespace, "taken", ifMatch: "stale-etag"), HttpStatusCode.PreconditionFailed, "IfMatchFailed");

        Assert.Contains("'taken'", exists.ServiceMessage, StringComparison.Ordinal);
        Assert.Equal("POST " + new Uri(os.Emulator.BaseAddress, $"/n/{os.Namespace}/b"), exists.Operation);
        // GetBucket with if-none-match of the current ETag is 304 Not Modified, which is not a 2xx.
        OciServiceException notModified = await Assert.ThrowsAsync<OciServiceException>(
            () => os.Client.GetBucketAsync(os.Namespace, "taken", ifNoneMatch: created.ETag));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }
}
