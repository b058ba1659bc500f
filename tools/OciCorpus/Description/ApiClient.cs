namespace OciRaw.Corpus.Description;

/// <summary>One SDK client of a service (e.g. <c>ComputeClient</c> of <c>core</c>): its endpoint template and operations.</summary>
public sealed record ApiClient(string Name, string Endpoint, string? EndpointServiceName, IReadOnlyList<ApiOperation> Operations);
