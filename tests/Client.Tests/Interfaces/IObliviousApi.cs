#nullable disable // A user's project without nullable annotations: a reference type there promises no value.

using OciRaw.Client.Tests.Models;

namespace OciRaw.Client.Tests.Interfaces;

/// <summary>Declared where nullable annotations are disabled; the generated client must still compile without warnings.</summary>
public partial interface IObliviousApi
{
    [OciEndpoint("GET /widgets/{widgetId}")]
    Task<Widget> GetAsync(string widgetId);

    [OciEndpoint("GET /widgets/{widgetId}/with-headers")]
    Task<OciResponse<Widget>> GetWithHeadersAsync(string widgetId);

    [OciEndpoint("GET /widget-count")]
    Task<long> CountAsync();
}
