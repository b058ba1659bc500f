using OciRaw.Samples.ObjectStorage.Models;

namespace OciRaw.Samples.ObjectStorage;

/// <summary>
/// OCI Object Storage as a typed client, written from the API reference the way the Go SDK's request and response
/// structs read: raw bodies (PutObject, UploadPart signed without the body), results in headers (GetObject, HeadObject),
/// <c>opc-meta-*</c> maps, paging by <c>opc-next-page</c> (buckets, parts) and by <c>nextStartWith</c> (objects), and
/// CopyObject's work request. The generator implements it; <c>[OciService]</c> adds <c>Create(signer, region)</c>.
/// </summary>
[OciService("objectstorage", "https://objectstorage.{region}.oci.{secondLevelDomain}")]
public partial interface IObjectStorage
{
    /// <summary>The tenancy's namespace: OCI answers a JSON string, returned as its value.</summary>
    [OciEndpoint("GET /n")]
    Task<string> GetNamespaceAsync(CancellationToken cancellationToken = default);

    // ---- buckets ----------------------------------------------------------------------------------------------

    [OciEndpoint("POST /n/{namespaceName}/b")]
    Task<OciResponse<Bucket>> CreateBucketAsync(string namespaceName, [OciBody] CreateBucketDetails createBucketDetails,
        CancellationToken cancellationToken = default);

    [OciEndpoint("GET /n/{namespaceName}/b/{bucketName}")]
    Task<OciResponse<Bucket>> GetBucketAsync(string namespaceName, string bucketName,
        [OciQuery(CollectionFormat = OciCollectionFormat.Csv)] IEnumerable<BucketField>? fields = null,
        [OciHeader("if-none-match")] string? ifNoneMatch = null, CancellationToken cancellationToken = default);

    /// <summary>Every bucket of the compartment: OCI answers bare arrays, paged by <c>opc-next-page</c>.</summary>
    [OciEndpoint("GET /n/{namespaceName}/b")]
    IAsyncEnumerable<BucketSummary> ListBucketsAsync(string namespaceName, [OciQuery] string compartmentId,
        [OciQuery] int? limit = null, CancellationToken cancellationToken = default);

    [OciEndpoint("DELETE /n/{namespaceName}/b/{bucketName}")]
    Task DeleteBucketAsync(string namespaceName, string bucketName, [OciHeader("if-match")] string? ifMatch = null,
        CancellationToken cancellationToken = default);

    // ---- objects ----------------------------------------------------------------------------------------------

    /// <summary>Streams <paramref name="putObjectBody"/> (left open); the signature leaves the body out, as every OCI SDK does.</summary>
    [OciEndpoint("PUT /n/{namespaceName}/b/{bucketName}/o/{objectName}", ExcludeBodyFromSignature = true)]
    Task<PutObjectResult> PutObjectAsync(string namespaceName, string bucketName, string objectName,
        [OciBody] Stream putObjectBody,
        [OciHeader("content-length")] long? contentLength = null,
        [OciHeader("content-md5")] string? contentMd5 = null,
        [OciHeader("content-type")] string? contentType = null,
        [OciHeader("if-match")] string? ifMatch = null,
        [OciHeader("if-none-match")] string? ifNoneMatch = null,
        [OciHeader("opc-meta-*")] IReadOnlyDictionary<string, string>? opcMeta = null,
        CancellationToken cancellationToken = default);

    /// <summary>The object as a stream (dispose the result to release the connection), with its headers.</summary>
    [OciEndpoint("GET /n/{namespaceName}/b/{bucketName}/o/{objectName}")]
    Task<GetObjectResult> GetObjectAsync(string namespaceName, string bucketName, string objectName,
        [OciHeader("range")] string? range = null,
        [OciHeader("if-match")] string? ifMatch = null,
        [OciHeader("if-none-match")] string? ifNoneMatch = null,
        CancellationToken cancellationToken = default);

    [OciEndpoint("HEAD /n/{namespaceName}/b/{bucketName}/o/{objectName}")]
    Task<HeadObjectResult> HeadObjectAsync(string namespaceName, string bucketName, string objectName,
        CancellationToken cancellationToken = default);

    [OciEndpoint("DELETE /n/{namespaceName}/b/{bucketName}/o/{objectName}")]
    Task<OciResponse> DeleteObjectAsync(string namespaceName, string bucketName, string objectName,
        [OciHeader("if-match")] string? ifMatch = null, CancellationToken cancellationToken = default);

    /// <summary>One page of names in order: pass the page's <see cref="ListObjects.NextStartWith"/> as <paramref name="start"/> for the next.</summary>
    [OciEndpoint("GET /n/{namespaceName}/b/{bucketName}/o")]
    Task<ListObjects> ListObjectsAsync(string namespaceName, string bucketName,
        [OciQuery] string? prefix = null,
        [OciQuery] string? start = null,
        [OciQuery] int? limit = null,
        [OciQuery(CollectionFormat = OciCollectionFormat.Csv)] IEnumerable<ObjectField>? fields = null,
        CancellationToken cancellationToken = default);

    [OciEndpoint("POST /n/{namespaceName}/b/{bucketName}/actions/renameObject")]
    Task<OciResponse> RenameObjectAsync(string namespaceName, string bucketName, [OciBody] RenameObjectDetails renameObjectDetails,
        CancellationToken cancellationToken = default);

    /// <summary>Answers 202 with <c>opc-work-request-id</c>: follow it with <see cref="GetWorkRequestAsync"/>.</summary>
    [OciEndpoint("POST /n/{namespaceName}/b/{bucketName}/actions/copyObject")]
    Task<OciResponse> CopyObjectAsync(string namespaceName, string bucketName, [OciBody] CopyObjectDetails copyObjectDetails,
        CancellationToken cancellationToken = default);

    [OciEndpoint("GET /workRequests/{workRequestId}")]
    Task<WorkRequest> GetWorkRequestAsync(string workRequestId, CancellationToken cancellationToken = default);

    // ---- multipart uploads ------------------------------------------------------------------------------------

    [OciEndpoint("POST /n/{namespaceName}/b/{bucketName}/u")]
    Task<MultipartUpload> CreateMultipartUploadAsync(string namespaceName, string bucketName,
        [OciBody] CreateMultipartUploadDetails createMultipartUploadDetails, CancellationToken cancellationToken = default);

    /// <summary>One part (1 to 10000), sent from memory without a copy; the signature leaves the body out.</summary>
    [OciEndpoint("PUT /n/{namespaceName}/b/{bucketName}/u/{objectName}", ExcludeBodyFromSignature = true)]
    Task<UploadPartResult> UploadPartAsync(string namespaceName, string bucketName, string objectName,
        [OciQuery] string uploadId, [OciQuery] int uploadPartNum,
        [OciBody] ReadOnlyMemory<byte> uploadPartBody,
        [OciHeader("content-md5")] string? contentMd5 = null,
        CancellationToken cancellationToken = default);

    /// <summary>Every uploaded part: bare arrays, paged by <c>opc-next-page</c>.</summary>
    [OciEndpoint("GET /n/{namespaceName}/b/{bucketName}/u/{objectName}")]
    IAsyncEnumerable<MultipartUploadPartSummary> ListMultipartUploadPartsAsync(string namespaceName, string bucketName, string objectName,
        [OciQuery] string uploadId, [OciQuery] int? limit = null, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /n/{namespaceName}/b/{bucketName}/u/{objectName}")]
    Task<CommitMultipartUploadResult> CommitMultipartUploadAsync(string namespaceName, string bucketName, string objectName,
        [OciQuery] string uploadId, [OciBody] CommitMultipartUploadDetails commitMultipartUploadDetails,
        CancellationToken cancellationToken = default);

    [OciEndpoint("DELETE /n/{namespaceName}/b/{bucketName}/u/{objectName}")]
    Task AbortMultipartUploadAsync(string namespaceName, string bucketName, string objectName, [OciQuery] string uploadId,
        CancellationToken cancellationToken = default);
}
