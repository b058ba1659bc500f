using OciRaw.Client.Tests.Models.RealShapes;

namespace OciRaw.Client.Tests.Interfaces;

/// <summary>Object Storage's object operations as the Go SDK describes them: raw bodies, content headers, metadata maps, results in headers.</summary>
public partial interface IObjectStorageApi
{
    [OciEndpoint("PUT /n/{namespaceName}/b/{bucketName}/o/{objectName}", ExcludeBodyFromSignature = true)]
    Task<PutObjectResult> PutObjectAsync(
        string namespaceName, string bucketName, string objectName,
        [OciBody] Stream putObjectBody,
        [OciHeader("content-length")] long? contentLength = null,
        [OciHeader("content-md5")] string? contentMd5 = null,
        [OciHeader("content-type")] string? contentType = null,
        [OciHeader("content-language")] string? contentLanguage = null,
        [OciHeader("content-encoding")] string? contentEncoding = null,
        [OciHeader("content-disposition")] string? contentDisposition = null,
        [OciHeader("if-none-match")] string? ifNoneMatch = null,
        [OciHeader("storage-tier")] StorageTier? storageTier = null,
        [OciHeader("opc-meta-*")] IReadOnlyDictionary<string, string>? opcMeta = null,
        CancellationToken cancellationToken = default);

    [OciEndpoint("PUT /n/{namespaceName}/b/{bucketName}/u/{objectName}", ExcludeBodyFromSignature = true)]
    Task<UploadPartResult> UploadPartAsync(
        string namespaceName, string bucketName, string objectName,
        [OciQuery] string uploadId, [OciQuery] int uploadPartNum,
        [OciBody] byte[] uploadPartBody,
        [OciHeader("content-md5")] string? contentMd5 = null);

    [OciEndpoint("GET /n/{namespaceName}/b/{bucketName}/o/{objectName}")]
    Task<GetObjectResult> GetObjectAsync(
        string namespaceName, string bucketName, string objectName,
        [OciHeader("range")] string? range = null,
        CancellationToken cancellationToken = default);

    [OciEndpoint("HEAD /n/{namespaceName}/b/{bucketName}/o/{objectName}")]
    Task<HeadObjectResult> HeadObjectAsync(string namespaceName, string bucketName, string objectName);

    [OciEndpoint("DELETE /n/{namespaceName}/b/{bucketName}/o/{objectName}")]
    Task<DeleteObjectResult> DeleteObjectAsync(string namespaceName, string bucketName, string objectName, [OciHeader("if-match")] string? ifMatch = null);

    [OciEndpoint("DELETE /n/{namespaceName}/b/{bucketName}/o/{objectName}/plain")]
    Task<OciResponse> DeleteObjectPlainAsync(string namespaceName, string bucketName, string objectName);
}
