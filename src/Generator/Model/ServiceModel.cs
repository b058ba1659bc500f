using System.Diagnostics;

namespace OciRaw.Generator.Model;

/// <summary>An <c>[OciService]</c> interface whose service factory can be generated; holds no Roslyn objects.</summary>
[DebuggerDisplay("{TypeName,nq} ({ServiceName,nq})")]
internal sealed record ServiceModel
{
    /// <summary>The containing namespace, or null for the global namespace.</summary>
    public required string? Namespace { get; init; }

    /// <summary>The interface's simple name.</summary>
    public required string Name { get; init; }

    /// <summary>The interface's fully qualified name.</summary>
    public required string TypeName { get; init; }

    public required string HintName { get; init; }

    /// <summary>The OCI service name from <c>[OciService]</c> (<c>identity</c>).</summary>
    public required string ServiceName { get; init; }

    /// <summary>The endpoint template from <c>[OciService]</c> (<c>https://identity.{region}.{secondLevelDomain}</c>).</summary>
    public required string EndpointTemplate { get; init; }
}
