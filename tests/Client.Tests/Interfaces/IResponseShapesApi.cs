using System.Text.Json;
using OciRaw.Client.Tests.Models;

namespace OciRaw.Client.Tests.Interfaces;

/// <summary>One endpoint per supported return shape.</summary>
public partial interface IResponseShapesApi
{
    [OciEndpoint("POST /widgets/{widgetId}/actions/start")]
    Task StartAsync(string widgetId);

    [OciEndpoint("GET /widgets/{widgetId}")]
    Task<Widget> GetAsync(string widgetId);

    [OciEndpoint("GET /widgets/{widgetId}/with-headers")]
    Task<OciResponse<Widget>> GetWithHeadersAsync(string widgetId);

    [OciEndpoint("GET /widgets/{widgetId}/raw")]
    Task<HttpResponseMessage> GetRawAsync(string widgetId);

    [OciEndpoint("GET /widgets/{widgetId}/text")]
    Task<string> GetTextAsync(string widgetId);

    [OciEndpoint("GET /widgets/{widgetId}/content")]
    Task<Stream> GetContentAsync(string widgetId);

    [OciEndpoint("GET /collections/{collectionId}")]
    Task<WidgetPage> GetCollectionAsync(string collectionId);

    [OciEndpoint("GET /all-widgets")]
    Task<List<Widget>> GetAllAsync();

    [OciEndpoint("GET /widget-count")]
    Task<long> CountAsync();

    [OciEndpoint("GET /widget-states")]
    Task<Dictionary<string, WidgetState>> GetStatesAsync();

    [OciEndpoint("GET /free-form")]
    Task<JsonElement> GetFreeFormAsync();

    [OciEndpoint("GET /widget-names")]
    IAsyncEnumerable<string> ListNamesAsync();

    [OciEndpoint("GET /widgets")]
    IAsyncEnumerable<Widget> ListAsync([OciQuery] string compartmentId, [OciQuery] int? limit = null, CancellationToken cancellationToken = default);

    [OciEndpoint("GET /parents/{parentId}/widgets")]
    IAsyncEnumerable<Widget> ListChildrenAsync(string parentId, [OciQuery] WidgetState? state = null, [OciHeader("x-tenant")] string? tenant = null);

    // Nullable results: a 2xx without a body reads as null.

    [OciEndpoint("GET /widgets/{widgetId}/maybe")]
    Task<Widget?> FindAsync(string widgetId);

    [OciEndpoint("GET /widgets/{widgetId}/maybe-with-headers")]
    Task<OciResponse<Widget?>> FindWithHeadersAsync(string widgetId);

    [OciEndpoint("GET /widget-count/maybe")]
    Task<long?> CountIfKnownAsync();

    [OciEndpoint("GET /widget-count/maybe-with-headers")]
    Task<OciResponse<long?>> CountIfKnownWithHeadersAsync();
}
