using System.Diagnostics;

namespace OciRaw.Generator.Model;

/// <summary>One method parameter and its binding.</summary>
[DebuggerDisplay("{Kind} {Identifier,nq} ({WireName,nq})")]
internal sealed record ParameterModel
{
    /// <summary>The parameter's name as written in source (<c>@class</c> for keywords).</summary>
    public required string Identifier { get; init; }

    /// <summary>The declared type, fully qualified with nullable annotations.</summary>
    public required string TypeName { get; init; }

    public required ParameterKind Kind { get; init; }

    /// <summary>The path, query or header name on the wire; the prefix of a header map; empty for bodies and tokens.</summary>
    public required string WireName { get; init; }

    /// <summary>How the value is formatted or serialized; null where it is not (tokens, header maps, unsupported methods).</summary>
    public TypeShape? Shape { get; init; }

    public bool IsNullable { get; init; }

    /// <summary>A query collection sent as one comma-joined value.</summary>
    public bool IsCsv { get; init; }
}
