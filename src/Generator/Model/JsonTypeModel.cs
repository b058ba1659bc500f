namespace OciRaw.Generator.Model;

/// <summary>A DTO or enum that gets a generated serializer class.</summary>
internal sealed record JsonTypeModel(
    string TypeName,
    string DisplayName,
    string SerializerClassName,
    bool IsEnum,
    bool IsValueType,
    EquatableArray<JsonPropertyModel> Properties,
    EquatableArray<JsonConstructorParameterModel> ConstructorParameters,
    EquatableArray<EnumMemberModel> EnumMembers,
    string? UnknownEnumMember)
{
    /// <summary>The fully qualified serializer: <c>global::OciRaw.Generated.X</c>.</summary>
    public string SerializerName => "global::" + GeneratedNames.Namespace + "." + SerializerClassName;

    /// <summary>Deterministic, unique per type.</summary>
    public string HintName => "OciRaw.Json." + SerializerClassName + ".g.cs";
}

/// <summary>How a property is given its value when an object is read.</summary>
internal enum PropertyAssignment
{
    /// <summary>Serialized only (get-only and not a constructor parameter).</summary>
    None,

    /// <summary>Set after construction, only when the JSON has the member (so initializers survive).</summary>
    Setter,

    /// <summary>Assigned in the object initializer (init-only, or C# <c>required</c> without [SetsRequiredMembers]).</summary>
    Initializer,

    /// <summary>Passed to the constructor.</summary>
    Constructor,
}

/// <summary>When a member is left out of the JSON that is written (System.Text.Json's JsonIgnoreCondition).</summary>
internal enum WriteCondition
{
    /// <summary>Null values are left out (OciRaw's default, as OCI expects).</summary>
    SkipNull,

    /// <summary><c>[JsonIgnore(Condition = Never)]</c>: always written, null included.</summary>
    Always,

    /// <summary><c>[JsonIgnore(Condition = WhenWritingDefault)]</c>: null and the type's default are left out.</summary>
    SkipDefault,
}

/// <summary>
/// One serialized property or field of a DTO. <see cref="MayBeSetByConstructor"/>: creating the object may give the
/// member a value other than its type's default (an initializer, a constructor body, or a type compiled elsewhere whose
/// constructors cannot be seen), which an init-only member missing from the JSON must keep, as with System.Text.Json.
/// </summary>
internal sealed record JsonPropertyModel(
    string Name,
    string JsonName,
    TypeShape Shape,
    bool CanRead,
    PropertyAssignment Assignment,
    bool IsRequired,
    WriteCondition WriteCondition = WriteCondition.SkipNull,
    bool MayBeSetByConstructor = false);

/// <summary>A constructor parameter and the property (by index into Properties) whose JSON member feeds it.</summary>
internal sealed record JsonConstructorParameterModel(string Name, int PropertyIndex, string? DefaultValue);

/// <summary>An enum member and its JSON string.</summary>
internal sealed record EnumMemberModel(string Name, string WireValue);
