using System.Diagnostics;

namespace OciRaw.Generator.Model;

/// <summary>A DTO or enum that gets a generated serializer class.</summary>
[DebuggerDisplay("{DisplayName,nq} -> {SerializerClassName,nq}")]
internal sealed record JsonTypeModel
{
    /// <summary>The type, fully qualified.</summary>
    public required string TypeName { get; init; }

    /// <summary>The short name used in error messages.</summary>
    public required string DisplayName { get; init; }

    public required string SerializerClassName { get; init; }

    public bool IsEnum { get; init; }

    public bool IsValueType { get; init; }

    public required EquatableArray<JsonPropertyModel> Properties { get; init; }

    public required EquatableArray<JsonConstructorParameterModel> ConstructorParameters { get; init; }

    public required EquatableArray<EnumMemberModel> EnumMembers { get; init; }

    /// <summary>The enum member that unknown JSON strings read as (<c>UnknownEnumValue</c>), or null.</summary>
    public string? UnknownEnumMember { get; init; }

    public bool IsAbstract { get; init; }

    public bool InPolymorphicHierarchy { get; init; }

    /// <summary>The type's own <c>[JsonDerivedType]</c>s, when it has any.</summary>
    public PolymorphismModel? Polymorphism { get; init; }

    /// <summary>
    /// The type or a base class lists <c>[JsonDerivedType]</c>s, so a base's serializer may write it with a
    /// discriminator in front of its members and read it once the discriminator is known: its serializer has
    /// <c>WriteMembers</c> and (unless abstract) <c>ReadObject</c> besides <c>Write</c> and <c>Read</c>.
    /// </summary>
    public bool HasObjectCore => InPolymorphicHierarchy && !IsEnum;

    /// <summary>The fully qualified serializer: <c>global::OciRaw.Generated.X</c>.</summary>
    public string SerializerName => "global::" + GeneratedNames.Namespace + "." + SerializerClassName;

    /// <summary>The hint name of the generated file the serializer goes in, with others (<see cref="Parsing.SerializerNaming.FileName"/>).</summary>
    public required string FileName { get; init; }
}
