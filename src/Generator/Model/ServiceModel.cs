namespace OciRaw.Generator.Model;

/// <summary>An <c>[OciService]</c> interface whose service factory can be generated; holds no Roslyn objects.</summary>
internal sealed record ServiceModel(
    string? Namespace,
    string Name,
    string TypeName,
    string HintName,
    string ServiceName,
    string EndpointTemplate);
