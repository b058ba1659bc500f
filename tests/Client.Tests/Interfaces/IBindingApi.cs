using OciRaw.Client.Tests.Models;

namespace OciRaw.Client.Tests.Interfaces;

/// <summary>One endpoint per binding rule; every method returns a plain Task so only the request matters.</summary>
public partial interface IBindingApi
{
    [OciEndpoint("GET /20160918/users/{userId}")]
    Task GetUserAsync(string userId, CancellationToken cancellationToken = default);

    [OciEndpoint("GET /n/{namespaceName}/b/{bucketName}/o/{objectName}")]
    Task GetObjectAsync(string namespaceName, string bucketName, string objectName);

    [OciEndpoint("GET /typed/{id}/v{version}/{state}")]
    Task GetTypedPathAsync(Guid id, int version, WidgetState state);

    [OciEndpoint("GET /search")]
    Task SearchAsync(
        [OciQuery] string? compartmentId = null,
        [OciQuery("displayName")] string? name = null,
        [OciQuery] int? limit = null,
        [OciQuery("sortOrder")] string? order = null);

    [OciEndpoint("GET /scalars")]
    Task ScalarsAsync(
        [OciQuery] bool yes,
        [OciQuery] bool no,
        [OciQuery] int count,
        [OciQuery] long big,
        [OciQuery] double ratio,
        [OciQuery] decimal price,
        [OciQuery] Guid id,
        [OciQuery] DateTimeOffset since,
        [OciQuery] WidgetState state);

    [OciEndpoint("GET /nullable-scalars")]
    Task NullableScalarsAsync(
        [OciQuery] bool? flag = null,
        [OciQuery] double? ratio = null,
        [OciQuery] DateTimeOffset? until = null,
        [OciQuery] WidgetState? state = null,
        [OciQuery] Guid? id = null);

    [OciEndpoint("GET /collections")]
    Task CollectionsAsync(
        [OciQuery("id")] IReadOnlyList<string?>? ids = null,
        [OciQuery("lifecycleState")] WidgetState[]? states = null,
        [OciQuery] List<int>? sizes = null);

    [OciEndpoint("POST /headers")]
    Task HeadersAsync(
        [OciHeader("opc-retry-token")] string? retryToken = null,
        [OciHeader("if-match")] string? ifMatch = null,
        [OciHeader("x-widget-count")] int? count = null,
        [OciHeader("x-widget-state")] WidgetState? state = null);

    [OciEndpoint("POST /broken-enum-header")]
    Task BrokenEnumHeaderAsync([OciHeader("x-kind")] BrokenWireName value);

    [OciEndpoint("GET /request-id")]
    Task WithRequestIdAsync([OciHeader("opc-request-id")] string? requestId = null);

    [OciEndpoint("POST /widgets")]
    Task CreateWidgetAsync([OciBody] WidgetDetails details);

    [OciEndpoint("PUT /widgets/{widgetId}")]
    Task UpdateWidgetAsync(string widgetId, [OciBody] WidgetDetails? details);

    [OciEndpoint("PATCH /widgets/{widgetId}/tags")]
    Task PatchTagsAsync(string widgetId, [OciBody] List<string> tags);

    [OciEndpoint("DELETE /widgets/{widgetId}")]
    Task DeleteWidgetAsync(string widgetId, CancellationToken cancellationToken);

    [OciEndpoint("HEAD /widgets/{widgetId}")]
    Task HeadWidgetAsync(string widgetId);
}
