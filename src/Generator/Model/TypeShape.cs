namespace OciRaw.Generator.Model;

/// <summary>The JSON shapes OciRaw can (de)serialize.</summary>
internal enum ShapeKind
{
    String,
    Boolean,
    Byte,
    SByte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Single,
    Double,
    Decimal,
    DateTimeOffset,
    DateTime,
    DateOnly,
    Guid,
    Bytes,
    JsonElement,
    Enum,
    Object,
    Array,
    List,
    Dictionary,
}

/// <summary>
/// How one C# type maps to JSON. <see cref="TypeName"/> is fully qualified without a nullable annotation;
/// <see cref="IsNullableValueType"/> marks <c>T?</c> of a value type. Enums and DTOs are referred to by the name of their
/// generated serializer, never nested, so recursive types need no recursion here. <see cref="DisplayName"/> is the short
/// name used in error messages (<c>List&lt;User&gt;</c>).
/// </summary>
internal sealed record TypeShape(
    ShapeKind Kind,
    string TypeName,
    string DisplayName,
    bool IsValueType,
    bool IsNullableValueType = false,
    TypeShape? Element = null,
    string? SerializerName = null)
{
    /// <summary>The type as written in a declaration: <c>int?</c> for nullable value types.</summary>
    public string DeclaredName => IsNullableValueType ? TypeName + "?" : TypeName;

    /// <summary>Reference types and <c>T?</c> value types: JSON null reads as null, and null is never written.</summary>
    public bool CanBeNull => IsNullableValueType || !IsValueType;

    /// <summary>The same shape without the nullable wrapper.</summary>
    public TypeShape NonNullable => IsNullableValueType ? this with { IsNullableValueType = false } : this;
}
