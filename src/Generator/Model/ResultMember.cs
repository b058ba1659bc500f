using System.Diagnostics;

namespace OciRaw.Generator.Model;

/// <summary>One bound property of a header-bound result class.</summary>
[DebuggerDisplay("{Name,nq} <- {Kind} {HeaderName,nq}")]
internal sealed record ResultMember
{
    /// <summary>The property's C# name.</summary>
    public required string Name { get; init; }

    public required ResultMemberKind Kind { get; init; }

    /// <summary>The header name, or the prefix of a header map; empty for body members.</summary>
    public string HeaderName { get; init; } = string.Empty;

    /// <summary>The header's or JSON body's type; null for header maps and raw bodies.</summary>
    public TypeShape? Shape { get; init; }

    /// <summary>
    /// The property is declared non-nullable, so a missing header is an error; for a JSON body it says whether an empty
    /// body may read as null (the opposite).
    /// </summary>
    public bool Required { get; init; }
}
