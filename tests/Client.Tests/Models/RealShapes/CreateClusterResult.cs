namespace OciRaw.Client.Tests.Models.RealShapes;

/// <summary>CreateCluster's answer read into a class: the work request is required, so its absence is an error.</summary>
public sealed class CreateClusterResult
{
    [OciHeader("opc-work-request-id")] public required string OpcWorkRequestId { get; init; }

    [OciHeader("opc-request-id")] public string? OpcRequestId { get; init; }

    [OciBody] public EmailRawSubmittedResponse? Echo { get; init; }
}
