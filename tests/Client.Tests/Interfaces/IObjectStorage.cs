using OciRaw.Client.Tests.Models;

namespace OciRaw.Client.Tests.Interfaces;

/// <summary>Object Storage: GetNamespace (a JSON string), GetBucket (CSV fields), HEAD routes, object names.</summary>
public partial interface IObjectStorage
{
    [OciEndpoint("GET /n")]
    Task<string> GetNamespaceAsync(CancellationToken cancellationToken = default);

    [OciEndpoint("GET /n/{namespaceName}/b/{bucketName}")]
    Task<Bucket> GetBucketAsync(string namespaceName, string bucketName,
        [OciQuery(CollectionFormat = OciCollectionFormat.Csv)] IEnumerable<BucketField>? fields = null);

    [OciEndpoint("GET /n/{namespaceName}/b/{bucketName}/o")]
    Task<string> ListObjectsAsync(string namespaceName, string bucketName,
        [OciQuery(CollectionFormat = OciCollectionFormat.Csv)] string?[]? fields = null,
        [OciQuery(CollectionFormat = OciCollectionFormat.Multi)] List<string>? prefix = null,
        [OciQuery] string? start = null);

    [OciEndpoint("HEAD /n/{namespaceName}/b/{bucketName}/o/{objectName}")]
    Task<HttpResponseMessage> HeadObjectAsync(string namespaceName, string bucketName, string objectName);

    [OciEndpoint("HEAD /n/{namespaceName}/b/{bucketName}")]
    Task HeadBucketAsync(string namespaceName, string bucketName);

    [OciEndpoint("GET /n/{namespaceName}/b/{bucketName}/o/{objectName}")]
    Task<string> GetObjectTextAsync(string namespaceName, string bucketName, string objectName);

    [OciEndpoint("GET /n/{namespaceName}/b/{bucketName}/o/{objectName}/versions")]
    IAsyncEnumerable<ContainerInstanceSummary> ListVersionsAsync(string namespaceName, string bucketName, string objectName);
}
