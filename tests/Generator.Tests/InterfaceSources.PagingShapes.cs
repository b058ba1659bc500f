namespace OciRaw.Generator.Tests;

/// <summary>Real OCI operations written in the contract's syntax (issue 9 items 2 and 5).</summary>
internal static partial class InterfaceSources
{
    public const string CollectionsAndPaging = """
        using System.Collections.Generic;
        using System.Threading;
        using OciRaw;

        namespace Sample.Paging;

        public sealed class ContainerInstanceSummary
        {
            public string Id { get; set; } = "";
            public string? DisplayName { get; set; }
        }

        public sealed class SearchLogsDetails
        {
            public System.DateTimeOffset TimeStart { get; set; }
            public System.DateTimeOffset TimeEnd { get; set; }
            public string SearchQuery { get; set; } = "";
        }

        public sealed class SearchResult
        {
            public System.Text.Json.JsonElement Data { get; set; }
        }

        public sealed class SearchResultSummary
        {
            public int ResultCount { get; set; }
        }

        public sealed class SearchResponse
        {
            public List<SearchResult> Results { get; set; } = new();
            public SearchResultSummary? Summary { get; set; }
        }

        public partial interface IContainerInstances
        {
            // Answers {"items": [...]} with opc-next-page.
            [OciEndpoint("GET /20210415/containerInstances")]
            IAsyncEnumerable<ContainerInstanceSummary> ListContainerInstancesAsync([OciQuery] string compartmentId, [OciQuery] int? limit = null,
                CancellationToken cancellationToken = default);
        }

        public partial interface ILogSearch
        {
            // A POST that pages: the body goes again with every page.
            [OciEndpoint("POST /20190909/search")]
            IAsyncEnumerable<OciResponse<SearchResponse>> SearchLogsAsync([OciBody] SearchLogsDetails details, [OciQuery] int? limit = null,
                CancellationToken cancellationToken = default);

            [OciEndpoint("POST /20190909/search")]
            IAsyncEnumerable<SearchResult> SearchLogItemsAsync([OciBody] SearchLogsDetails details, [OciQuery] int? limit = null);
        }
        """;

    public const string SmallShapes = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;
        using OciRaw;

        namespace Sample.Small;

        public enum BucketField { [System.Text.Json.Serialization.JsonStringEnumMemberName("approximateCount")] ApproximateCount, [System.Text.Json.Serialization.JsonStringEnumMemberName("approximateSize")] ApproximateSize }

        public sealed class Bucket
        {
            public string Name { get; set; } = "";
            public long? ApproximateCount { get; set; }
        }

        public sealed class LicenseRecord
        {
            public string Id { get; set; } = "";
            public DateOnly? ExpirationDate { get; set; }
            public DateOnly StartDate { get; set; }
            public List<DateOnly>? Renewals { get; set; }
        }

        public partial interface IObjectStorage
        {
            [OciEndpoint("GET /n")]
            Task<string> GetNamespaceAsync();

            [OciEndpoint("GET /n/{namespaceName}/b/{bucketName}")]
            Task<Bucket> GetBucketAsync(string namespaceName, string bucketName,
                [OciQuery(CollectionFormat = OciCollectionFormat.Csv)] IEnumerable<BucketField>? fields = null);

            [OciEndpoint("HEAD /n/{namespaceName}/b/{bucketName}/o/{objectName}")]
            Task<HttpResponseMessage> HeadObjectAsync(string namespaceName, string bucketName, string objectName);

            [OciEndpoint("HEAD /n/{namespaceName}/b/{bucketName}")]
            Task HeadBucketAsync(string namespaceName, string bucketName);

            [OciEndpoint("GET /n/{namespaceName}/b/{bucketName}/o")]
            Task<string> ListObjectsAsync(string namespaceName, string bucketName, [OciQuery] string[]? fields = null,
                [OciQuery("start")] string? startAfter = null);
        }

        public partial interface ILicenseManager
        {
            [OciEndpoint("GET /20220430/licenseRecords/{licenseRecordId}")]
            Task<LicenseRecord> GetLicenseRecordAsync(string licenseRecordId);

            [OciEndpoint("PUT /20220430/licenseRecords/{licenseRecordId}")]
            Task<LicenseRecord> UpdateLicenseRecordAsync(string licenseRecordId, [OciBody] LicenseRecord details);

            [OciEndpoint("GET /20220430/expirations/{day}")]
            Task<List<LicenseRecord>> ListExpiringAsync(DateOnly day, [OciQuery] DateOnly? before = null, [OciQuery] DateTimeOffset? since = null);
        }
        """;
}
