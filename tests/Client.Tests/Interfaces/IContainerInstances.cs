using OciRaw.Client.Tests.Models;

namespace OciRaw.Client.Tests.Interfaces;

/// <summary>Container Instances ListContainerInstances: pages are OCI collection objects, <c>{"items": [...]}</c>.</summary>
public partial interface IContainerInstances
{
    [OciEndpoint("GET /20210415/containerInstances")]
    IAsyncEnumerable<ContainerInstanceSummary> ListContainerInstancesAsync([OciQuery] string compartmentId, [OciQuery] int? limit = null,
        CancellationToken cancellationToken = default);

    [OciEndpoint("GET /20210415/containerInstances")]
    IAsyncEnumerable<OciResponse<ContainerInstancePage>> ListContainerInstancePagesAsync([OciQuery] string compartmentId, [OciQuery] int? limit = null);
}
