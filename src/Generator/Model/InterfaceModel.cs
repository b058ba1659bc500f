using System.Diagnostics;

namespace OciRaw.Generator.Model;

/// <summary>Everything the emitter needs for one annotated partial interface; holds no Roslyn objects.</summary>
[DebuggerDisplay("{TypeName,nq} ({Methods.Count} methods, {JsonTypes.Count} JSON types)")]
internal sealed record InterfaceModel
{
    /// <summary>The containing namespace, or null for the global namespace.</summary>
    public required string? Namespace { get; init; }

    /// <summary>The interface's simple name.</summary>
    public required string Name { get; init; }

    /// <summary>The interface's fully qualified name.</summary>
    public required string TypeName { get; init; }

    /// <summary>The generated file's hint name.</summary>
    public required string HintName { get; init; }

    public required EquatableArray<MethodModel> Methods { get; init; }

    /// <summary>The DTOs and enums the methods reach, each of which gets a serializer.</summary>
    public required EquatableArray<JsonTypeModel> JsonTypes { get; init; }
}
