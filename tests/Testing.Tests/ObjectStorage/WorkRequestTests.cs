using System.Net;
using System.Text.Json;
using OciRaw.Testing.Tests.TestSupport;
using static OciRaw.Testing.Tests.TestSupport.ObjectStorageSession;

namespace OciRaw.Testing.Tests.ObjectStorage;

/// <summary>CopyObject answers 202 with a work request that a client follows to COMPLETED.</summary>
public sealed class WorkRequestTests
{
    [Fact]
    public async Task CopyObject_is_202_with_a_work_request_that_goes_IN_PROGRESS_then_COMPLETED_and_the_copy_is_there()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("src");
        await session.CreateBucketAsync("dst");
        string sourceEtag = await session.PutAsync("src", "o", [1, 2, 3], ("opc-meta-k", "v"), ("Content-Type", "text/plain"));

        using HttpResponseMessage accepted = await CopyAsync(session, "src", $$"""
            {"sourceObjectName": "o", "destinationRegion": "us-ashburn-1", "destinationNamespace": "{{session.Namespace}}",
             "destinationBucket": "dst", "destinationObjectName": "copy", "sourceObjectIfMatchETag": "{{sourceEtag}}"}
            """);
        await EnsureAsync(accepted, HttpStatusCode.Accepted);
        string workRequestId = Header(accepted, "opc-work-request-id")!;

        var statuses = new List<string>();
        JsonElement workRequest;
        do
        {
            using HttpResponseMessage polled = await session.SendAsync(HttpMethod.Get, "/workRequests/" + Uri.EscapeDataString(workRequestId));
            workRequest = JsonDocument.Parse(await EnsureAsync(polled, HttpStatusCode.OK)).RootElement.Clone();
            statuses.Add(workRequest.GetProperty("status").GetString()!);
        }
        while (statuses[^1] != "COMPLETED" && statuses.Count < 10);

        Assert.StartsWith("ocid1.objectstorageworkrequest.oc1..", workRequestId);
        Assert.Equal(["IN_PROGRESS", "COMPLETED"], statuses);
        Assert.Equal("COPY_OBJECT", workRequest.GetProperty("operationType").GetString());
        Assert.Equal(workRequestId, workRequest.GetProperty("id").GetString());
        Assert.Equal(session.Context.Tenancy.TenancyId, workRequest.GetProperty("compartmentId").GetString());
        Assert.Equal(100, workRequest.GetProperty("percentComplete").GetDouble());
        Assert.True(workRequest.GetProperty("timeFinished").TryGetDateTimeOffset(out _));
        JsonElement resource = workRequest.GetProperty("resources")[0];
        Assert.Equal($"/n/{session.Namespace}/b/dst/o/copy", resource.GetProperty("entityUri").GetString());
        Assert.Equal("WRITTEN", resource.GetProperty("actionType").GetString());
        using HttpResponseMessage copy = await session.SendAsync(HttpMethod.Get, session.ObjectPath("dst", "copy"));
        Assert.Equal([1, 2, 3], await copy.Content.ReadAsByteArrayAsync());
        Assert.Equal("v", Header(copy, "opc-meta-k"));
        Assert.Equal("text/plain", Header(copy, "content-type"));
        Assert.NotEqual(sourceEtag, Header(copy, "etag"));
        Assert.Equal([1, 2, 3], await session.GetBytesAsync("src", "o"));
    }

    [Fact]
    public async Task CopyObject_replaces_the_metadata_when_destinationObjectMetadata_is_given()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");
        await session.PutAsync("b", "o", [1], ("opc-meta-old", "1"));

        using HttpResponseMessage accepted = await CopyAsync(session, "b", $$"""
            {"sourceObjectName": "o", "destinationRegion": "us-ashburn-1", "destinationNamespace": "{{session.Namespace}}",
             "destinationBucket": "b", "destinationObjectName": "o2", "destinationObjectMetadata": {"opc-meta-new": "2"} }
            """);
        await EnsureAsync(accepted, HttpStatusCode.Accepted);
        using HttpResponseMessage head = await session.SendAsync(HttpMethod.Head, session.ObjectPath("b", "o2"));

        Assert.Equal("2", Header(head, "opc-meta-new"));
        Assert.Null(Header(head, "opc-meta-old"));
    }

    [Fact]
    public async Task CopyObject_of_a_missing_source_or_into_a_missing_bucket_is_404()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");
        await session.PutAsync("b", "o", [1]);

        using HttpResponseMessage noSource = await CopyAsync(session, "b", $$"""
            {"sourceObjectName": "nope", "destinationRegion": "r", "destinationNamespace": "{{session.Namespace}}", "destinationBucket": "b", "destinationObjectName": "x"}
            """);
        using HttpResponseMessage noBucket = await CopyAsync(session, "b", $$"""
            {"sourceObjectName": "o", "destinationRegion": "r", "destinationNamespace": "{{session.Namespace}}", "destinationBucket": "gone", "destinationObjectName": "x"}
            """);
        using HttpResponseMessage incomplete = await CopyAsync(session, "b", """{"sourceObjectName": "o"}""");

        await OciErrorAssert.IsErrorAsync(noSource, HttpStatusCode.NotFound, "ObjectNotFound");
        Assert.Contains("'gone'", await OciErrorAssert.IsErrorAsync(noBucket, HttpStatusCode.NotFound, "BucketNotFound"));
        Assert.Contains("destinationBucket", await OciErrorAssert.IsErrorAsync(incomplete, HttpStatusCode.BadRequest, "MissingParameter"));
        Assert.Single(session.StoredFiles());
    }

    [Fact]
    public async Task A_work_request_is_invisible_to_another_tenancy_and_an_unknown_one_is_404()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");
        await session.PutAsync("b", "o", [1]);
        using HttpResponseMessage accepted = await CopyAsync(session, "b", $$"""
            {"sourceObjectName": "o", "destinationRegion": "r", "destinationNamespace": "{{session.Namespace}}", "destinationBucket": "b", "destinationObjectName": "c"}
            """);
        string workRequestId = Header(accepted, "opc-work-request-id")!;
        (_, HttpClient otherHttp, _) = session.Context.CreateOtherTenancy();

        using HttpResponseMessage foreign = await otherHttp.GetAsync("/workRequests/" + workRequestId);
        using HttpResponseMessage unknown = await session.SendAsync(HttpMethod.Get, "/workRequests/ocid1.objectstorageworkrequest.oc1..unknown");

        await OciErrorAssert.IsErrorAsync(foreign, HttpStatusCode.NotFound, "NotAuthorizedOrNotFound");
        await OciErrorAssert.IsErrorAsync(unknown, HttpStatusCode.NotFound, "NotAuthorizedOrNotFound");
    }

    private static Task<HttpResponseMessage> CopyAsync(ObjectStorageSession session, string sourceBucket, string json) =>
        session.SendJsonAsync(HttpMethod.Post, session.BucketPath(sourceBucket) + "/actions/copyObject", json);
}
