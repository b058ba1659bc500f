using OciRaw.Client.Tests.Models.RealShapes;

namespace OciRaw.Client.Tests.Interfaces;

/// <summary>Container Engine CreateCluster: a JSON body in, 202 with opc-work-request-id out.</summary>
public partial interface IContainerEngineApi
{
    [OciEndpoint("POST /20180222/clusters")]
    Task<OciResponse> CreateClusterAsync([OciBody] CreateClusterDetails createClusterDetails, [OciHeader("opc-retry-token")] string? opcRetryToken = null);

    [OciEndpoint("POST /20180222/clusters/typed")]
    Task<CreateClusterResult> CreateClusterTypedAsync([OciBody] CreateClusterDetails createClusterDetails);
}
