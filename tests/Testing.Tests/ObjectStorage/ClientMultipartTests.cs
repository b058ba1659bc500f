using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using OciRaw.Samples.ObjectStorage.Models;
using OciRaw.Testing.Tests.TestSupport;
using static OciRaw.Testing.Tests.TestSupport.ObjectStorageClient;

namespace OciRaw.Testing.Tests.ObjectStorage;

// The emulator has an internal MultipartUpload in OciRaw.Testing, which an alias outside the namespace would not override.
using MultipartUpload = OciRaw.Samples.ObjectStorage.Models.MultipartUpload;

/// <summary>
/// Multipart uploads, CopyObject's work request, and the emulator's files, through the generated
/// <c>IObjectStorage</c> client.
/// </summary>
public sealed class ClientMultipartTests
{
    [Fact]
    public async Task A_multipart_upload_is_created_uploaded_listed_page_by_page_and_committed_with_OCIs_multipart_md5()
    {
        await using ObjectStorageClient os = await ObjectStorageClient.StartAsync();
        await os.CreateBucketAsync("b");
        byte[][] parts = [Filled(1000, 1), Filled(700, 2), Filled(300, 3)];

        MultipartUpload upload = await os.Client.CreateMultipartUploadAsync(os.Namespace, "b",
            new CreateMultipartUploadDetails("big.bin") { ContentType = "application/x-parts", Metadata = new() { ["opc-meta-origin"] = "multipart" } });
        var etags = new List<string>();
        for (int i = 0; i < parts.Length; i++)
        {
            UploadPartResult part = await os.Client.UploadPartAsync(os.Namespace, "b", "big.bin", upload.UploadId, i + 1, parts[i], Md5(parts[i]));
            Assert.Equal(Md5(parts[i]), part.OpcContentMd5);
            etags.Add(part.ETag);
        }

        var listed = new List<MultipartUploadPartSummary>();
        await foreach (MultipartUploadPartSummary part in os.Client.ListMultipartUploadPartsAsync(os.Namespace, "b", "big.bin", upload.UploadId, limit: 2))
        {
            listed.Add(part);
        }

        CommitMultipartUploadResult committed = await os.Client.CommitMultipartUploadAsync(os.Namespace, "b", "big.bin", upload.UploadId,
            new CommitMultipartUploadDetails([.. etags.Select((etag, i) => new CommitMultipartUploadPartDetails(i + 1, etag))]));
        HeadObjectResult head = await os.Client.HeadObjectAsync(os.Namespace, "b", "big.bin");

        Assert.Equal(os.Namespace, upload.Namespace);
        Assert.Equal("b", upload.Bucket);
        Assert.Equal("big.bin", upload.ObjectName);
        Assert.Equal([1, 2, 3], listed.Select(p => p.PartNumber));
        Assert.Equal([1000L, 700L, 300L], listed.Select(p => p.Size));
        Assert.Equal(parts.Select(Md5), listed.Select(p => p.Md5));
        Assert.Equal(etags, listed.Select(p => p.ETag));
        Assert.Equal(2, os.Emulator.Faults.CallCount("GET /n/{namespaceName}/b/{bucketName}/u/{objectName}"));
        string expectedMd5 = MultipartMd5(parts);
        Assert.Equal(expectedMd5, committed.OpcMultipartMd5);
        Assert.Equal(committed.ETag, head.ETag);
        Assert.Equal(expectedMd5, head.OpcMultipartMd5);
        Assert.Null(head.ContentMd5);
        Assert.Equal(2000, head.ContentLength);
        Assert.Equal("application/x-parts", head.ContentType);
        Assert.Equal("multipart", head.OpcMeta["origin"]);
        byte[] joined = [.. parts[0], .. parts[1], .. parts[2]];
        Assert.Equal(joined, await os.GetBytesAsync("b", "big.bin"));
        SentRequest sentPart = os.LastSent("PUT", "/u/big.bin");
        Assert.Equal("date (request-target) host", sentPart.AuthorizationParameter("headers"));
        Assert.Equal($"?uploadId={upload.UploadId}&uploadPartNum=3", sentPart.Uri.Query);
        Assert.Single(os.StoredFiles()); // the parts' files went into the object
    }

    [Fact]
    public async Task Multipart_errors_are_OCIs_and_an_aborted_upload_leaves_no_file()
    {
        await using ObjectStorageClient os = await ObjectStorageClient.StartAsync();
        await os.CreateBucketAsync("b");
        MultipartUpload upload = await os.Client.CreateMultipartUploadAsync(os.Namespace, "b", new CreateMultipartUploadDetails("o"));
        UploadPartResult part = await os.Client.UploadPartAsync(os.Namespace, "b", "o", upload.UploadId, 1, Filled(10, 1));

        OciServiceException badMd5 = await os.FailsAsync(() => os.Client.UploadPartAsync(os.Namespace, "b", "o", upload.UploadId, 2, Filled(10, 2), Md5(Filled(10, 3))),
            HttpStatusCode.BadRequest, "UnmatchedContentMD5");
        await os.FailsAsync(() => os.Client.CommitMultipartUploadAsync(os.Namespace, "b", "o", upload.UploadId,
            new CommitMultipartUploadDetails([new CommitMultipartUploadPartDetails(1, "not-the-etag")])), HttpStatusCode.BadRequest, "InvalidUploadPart");
        await os.FailsAsync(() => os.Client.UploadPartAsync(os.Namespace, "b", "o", "no-such-upload", 1, Filled(10, 1)), HttpStatusCode.NotFound, "UploadNotFound");
        await os.FailsAsync(() => os.Client.CreateMultipartUploadAsync(os.Namespace, "nope", new CreateMultipartUploadDetails("o")), HttpStatusCode.NotFound, "BucketNotFound");
        Assert.Single(os.StoredFiles()); // part 1; the refused part 2 was deleted
        Assert.Contains(part.ETag, (await ListPartsAsync(os, upload)).Select(p => p.ETag));

        await os.Client.AbortMultipartUploadAsync(os.Namespace, "b", "o", upload.UploadId);

        Assert.Contains("does not match", badMd5.ServiceMessage, StringComparison.Ordinal);
        await os.FailsAsync(() => ListPartsAsync(os, upload), HttpStatusCode.NotFound, "UploadNotFound");
        await os.FailsAsync(() => os.Client.AbortMultipartUploadAsync(os.Namespace, "b", "o", upload.UploadId), HttpStatusCode.NotFound, "UploadNotFound");
        Assert.Empty(os.StoredFiles());
        await os.Client.DeleteBucketAsync(os.Namespace, "b"); // an aborted upload no longer keeps the bucket
    }

    [Fact]
    public async Task CopyObject_answers_202_and_its_work_request_is_followed_to_COMPLETED()
    {
        await using ObjectStorageClient os = await ObjectStorageClient.StartAsync();
        await os.CreateBucketAsync("src");
        await os.CreateBucketAsync("dst");
        PutObjectResult source = await os.PutAsync("src", "a/b c+d", [1, 2, 3], new Dictionary<string, string> { ["k"] = "old" }, "text/plain");

        OciResponse accepted = await os.Client.CopyObjectAsync(os.Namespace, "src",
            new CopyObjectDetails("a/b c+d", os.Context.Tenancy.Region, os.Namespace, "dst", "copy")
            {
                SourceObjectIfMatchETag = source.ETag,
                DestinationObjectMetadata = new() { ["opc-meta-k"] = "new" },
            });
        var polled = new List<WorkRequest>();
        do
        {
            polled.Add(await os.Client.GetWorkRequestAsync(accepted.OpcWorkRequestId!));
        }
        while (polled[^1].Status != WorkRequestStatus.Completed && polled.Count < 10);
        HeadObjectResult copy = await os.Client.HeadObjectAsync(os.Namespace, "dst", "copy");

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.StartsWith("ocid1.objectstorageworkrequest.", accepted.OpcWorkRequestId, StringComparison.Ordinal);
        Assert.Equal([WorkRequestStatus.InProgress, WorkRequestStatus.Completed], polled.Select(w => w.Status));
        WorkRequest done = polled[^1];
        Assert.Equal(accepted.OpcWorkRequestId, done.Id);
        Assert.Equal("COPY_OBJECT", done.OperationType);
        Assert.Equal(100f, done.PercentComplete);
        Assert.NotNull(done.TimeFinished);
        Assert.Equal($"/n/{os.Namespace}/b/dst/o/copy", Assert.Single(done.Resources).EntityUri);
        Assert.Equal([1, 2, 3], await os.GetBytesAsync("dst", "copy"));
        Assert.Equal("new", copy.OpcMeta["k"]);
        Assert.Equal("text/plain", copy.ContentType);
        Assert.NotEqual(source.ETag, copy.ETag);
        await os.FailsAsync(() => os.Client.CopyObjectAsync(os.Namespace, "src", new CopyObjectDetails("missing", os.Context.Tenancy.Region, os.Namespace, "dst", "x")),
            HttpStatusCode.NotFound, "ObjectNotFound");
        await os.FailsAsync(() => os.Client.CopyObjectAsync(os.Namespace, "src",
            new CopyObjectDetails("a/b c+d", os.Context.Tenancy.Region, os.Namespace, "dst", "copy") { DestinationObjectIfNoneMatchETag = "*" }),
            HttpStatusCode.PreconditionFailed, "IfNoneMatchFailed");
        await os.FailsAsync(() => os.Client.GetWorkRequestAsync("ocid1.objectstorageworkrequest.oc1..nope"), HttpStatusCode.NotFound, "NotAuthorizedOrNotFound");
    }

    [Fact]
    public async Task After_every_operation_and_the_emulators_dispose_nothing_is_left_in_its_temporary_folders()
    {
        ObjectStorageClient os = await ObjectStorageClient.StartAsync();
        string objectFolder = os.Emulator.ObjectStorageDirectory;
        string tenancyFolder = Path.GetDirectoryName(os.Context.Tenancy.ConfigFile)!;
        string root = Path.GetDirectoryName(objectFolder)!;
        await os.CreateBucketAsync("b");
        await os.PutAsync("b", "plain", Filled(100, 1));
        MultipartUpload upload = await os.Client.CreateMultipartUploadAsync(os.Namespace, "b", new CreateMultipartUploadDetails("parts"));
        UploadPartResult part = await os.Client.UploadPartAsync(os.Namespace, "b", "parts", upload.UploadId, 1, Filled(100, 2));
        await os.Client.CommitMultipartUploadAsync(os.Namespace, "b", "parts", upload.UploadId, new CommitMultipartUploadDetails([new(1, part.ETag)]));
        MultipartUpload abandoned = await os.Client.CreateMultipartUploadAsync(os.Namespace, "b", new CreateMultipartUploadDetails("abandoned"));
        await os.Client.UploadPartAsync(os.Namespace, "b", "abandoned", abandoned.UploadId, 1, Filled(100, 3));
        await os.Client.CopyObjectAsync(os.Namespace, "b", new CopyObjectDetails("plain", os.Context.Tenancy.Region, os.Namespace, "b", "copied"));
        Assert.Equal(4, os.StoredFiles().Length);

        await os.DisposeAsync(); // with an upload left open and objects left in the bucket

        Assert.StartsWith(root, tenancyFolder, StringComparison.Ordinal);
        Assert.False(Directory.Exists(root), $"{root} is left after the emulator was disposed.");
        Assert.False(Directory.Exists(objectFolder));
    }

    private static async Task<List<MultipartUploadPartSummary>> ListPartsAsync(ObjectStorageClient os, MultipartUpload upload)
    {
        var parts = new List<MultipartUploadPartSummary>();
        await foreach (MultipartUploadPartSummary part in os.Client.ListMultipartUploadPartsAsync(os.Namespace, upload.Bucket, upload.ObjectName, upload.UploadId))
        {
            parts.Add(part);
        }

        return parts;
    }

    /// <summary>OCI's multipart MD5: the MD5 of the parts' binary MD5s, then '-' and the part count.</summary>
    private static string MultipartMd5(byte[][] parts)
    {
#pragma warning disable CA5351 // OCI's multipart checksum is MD5 by definition.
        byte[] digests = parts.SelectMany(MD5.HashData).ToArray();
        return Convert.ToBase64String(MD5.HashData(digests)) + "-" + parts.Length.ToString(CultureInfo.InvariantCulture);
#pragma warning restore CA5351
    }
}
