using System.Diagnostics;

namespace OciRaw.Generator.Model;

/// <summary>
/// How one C# type maps to JSON. Enums and DTOs are referred to by the name of their generated serializer, never nested,
/// so recursive types need no recursion here.
/// </summary>
[DebuggerDisplay("{Kind} {DeclaredName,nq}")]
internal sealed record TypeShape
{
    public required ShapeKind Kind { get; init; }

    /// <summary>Fully qualified, without a nullable annotation.</summary>
    public required string TypeName { get; init; }

    /// <summary>The short name used in error messages (<c>List&lt;User&gt;</c>).</summary>
    public required string DisplayName { get; init; }

    public required bool IsValueType { get; init; }

    /// <summary>Marks <c>T?</c> of a value type.</summary>
    public bool IsNullableValueType { get; init; }

    /// <summary>The element of an array or list, the value of a dictionary.</summary>
    public TypeShape? Element { get; init; }

    /// <summary>The generated serializer of an enum or DTO, fully qualified.</summary>
    public string? SerializerName { get; init; }

    /// <summary>The type as written in a declaration: <c>int?</c> for nullable value types.</summary>
    public string DeclaredName => IsNullableValueType ? TypeName + "?" : TypeName;

    /// <summary>Reference types and <c>T?</c> value types: JSON null reads as null, and null is never written.</summary>
    public bool CanBeNull => IsNullableValueType || !IsValueType;

    /// <summary>The same shape without the nullable wrapper.</summary>
    public TypeShape NonNullable => IsNullableValueType ? this with { IsNullableValueType = false } : this;
}
