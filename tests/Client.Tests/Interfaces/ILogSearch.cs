using OciRaw.Client.Tests.Models;

namespace OciRaw.Client.Tests.Interfaces;

/// <summary>Logging Search SearchLogs: a POST that pages, with a page shape of its own.</summary>
public partial interface ILogSearch
{
    [OciEndpoint("POST /20190909/search")]
    IAsyncEnumerable<OciResponse<SearchResponse>> SearchLogsAsync([OciBody] SearchLogsDetails details, [OciQuery] int? limit = null,
        [OciHeader("opc-request-id")] string? requestId = null, CancellationToken cancellationToken = default);

    [OciEndpoint("PUT /20190909/collections/{collectionId}/items")]
    IAsyncEnumerable<ContainerInstanceSummary> PutAndListAsync(string collectionId, [OciBody] SearchLogsDetails details);
}
