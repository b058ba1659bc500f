namespace OciRaw.Generator.Tests;

/// <summary>The shapes of issue 9 items 1 and 4: results carried in headers, raw bodies and content headers.</summary>
internal static partial class InterfaceSources
{
    public const string HeaderResults = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using OciRaw;

        namespace Sample.HeaderResults;

        public enum StorageTier { [JsonStringEnumMemberName("Standard")] Standard, [JsonStringEnumMemberName("Archive")] Archive }

        public sealed class GetObjectResult
        {
            [OciHeader("etag")] public string? ETag { get; set; }
            [OciHeader("opc-request-id")] public required string OpcRequestId { get; init; }
            [OciHeader("content-length")] public long ContentLength { get; set; }
            [OciHeader("x-count")] public int? Count { get; set; }
            [OciHeader("x-ratio")] public double Ratio { get; set; }
            [OciHeader("x-archived")] public bool? Archived { get; set; }
            [OciHeader("storage-tier")] public StorageTier? Tier { get; set; }
            [OciHeader("last-modified")] public DateTimeOffset? LastModified { get; set; }
            [OciHeader("opc-meta-*")] public IReadOnlyDictionary<string, string> Metadata { get; set; } = new Dictionary<string, string>();
            [OciBody] public Stream Content { get; set; } = Stream.Null;
        }

        public sealed class Namespace { [OciBody] public string? Name { get; set; } [OciHeader("opc-request-id")] public string? RequestId { get; set; } }

        public sealed class Bucket { public string? Name { get; set; } }

        public sealed class GetBucketResult { [OciHeader("etag")] public string? ETag { get; set; } [OciBody] public Bucket? Bucket { get; set; } }

        public sealed class Output { [OciBody] public byte[] Bytes { get; set; } = []; }

        public partial interface IHeaderResults
        {
            [OciEndpoint("GET /n/{namespaceName}/b/{bucketName}/o/{objectName}")]
            Task<GetObjectResult> GetObjectAsync(string namespaceName, string bucketName, string objectName, CancellationToken cancellationToken = default);

            [OciEndpoint("GET /n")]
            Task<Namespace> GetNamespaceAsync();

            [OciEndpoint("GET /n/{namespaceName}/b/{bucketName}")]
            Task<GetBucketResult> GetBucketAsync(string namespaceName, string bucketName);

            [OciEndpoint("POST /functions/{functionId}/actions/invoke")]
            Task<Output> InvokeAsync(string functionId);

            [OciEndpoint("POST /clusters")]
            Task<OciResponse> CreateClusterAsync([OciHeader("opc-retry-token")] string? retryToken = null);
        }
        """;

    public const string RawBodies = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using OciRaw;

        namespace Sample.RawBodies;

        public partial interface IRawBodies
        {
            [OciEndpoint("PUT /n/{namespaceName}/b/{bucketName}/o/{objectName}", ExcludeBodyFromSignature = true)]
            Task<OciResponse> PutObjectAsync(string namespaceName, string bucketName, string objectName, [OciBody] Stream body,
                [OciHeader("content-length")] long? contentLength = null, [OciHeader("Content-MD5")] string? contentMd5 = null,
                [OciHeader("content-type")] string? contentType = null, [OciHeader("opc-meta-*")] IDictionary<string, string>? metadata = null);

            [OciEndpoint("PUT /parts/{id}")]
            Task PutBytesAsync(string id, [OciBody] byte[] body, [OciHeader("content-language")] string? language = null);

            [OciEndpoint("POST /invoke")]
            Task<Stream> InvokeAsync([OciBody] ReadOnlyMemory<byte>? body = null);

            [OciEndpoint("POST /content")]
            Task SendContentAsync([OciBody] HttpContent content, [OciHeader("x-tags")] IEnumerable<string>? tags = null);
        }
        """;
}
