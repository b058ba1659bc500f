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
    string? UnknownEnumMember,
    bool IsAbstract = false,
    bool InPolymorphicHierarchy = false,
    PolymorphismModel? Polymorphism = null)
{
    /// <summary>
    /// The type or a base class lists <c>[JsonDerivedType]</c>s, so a base's serializer may write it with a
    /// discriminator in front of its members and read it once the discriminator is known: its serializer has
    /// <c>WriteMembers</c> and (unless abstract) <c>ReadObject</c> besides <c>Write</c> and <c>Read</c>.
    /// </summary>
    public bool HasObjectCore => InPolymorphicHierarchy && !IsEnum;

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

/// <summary>System.Text.Json's JsonUnknownDerivedTypeHandling, with its metadata values.</summary>
internal enum UnknownDerivedTypeHandling
{
    FailSerialization = 0,
    FallBackToBaseType = 1,
    FallBackToNearestAncestor = 2,
}

/// <summary>
/// A base type's <c>[JsonPolymorphic]</c> / <c>[JsonDerivedType]</c>s: the discriminator's JSON name and what to do
/// with runtime types and discriminator values it does not list.
/// </summary>
internal sealed record PolymorphismModel(
    string DiscriminatorName,
    EquatableArray<DerivedTypeModel> DerivedTypes,
    UnknownDerivedTypeHandling UnknownDerivedTypeHandling,
    bool IgnoreUnrecognizedTypeDiscriminators);

/// <summary>
/// One <c>[JsonDerivedType]</c>: the type (possibly the base itself), its serializer, its discriminator (a string, an
/// int, or none: then it is written without one and cannot be read back as itself) and its inheritance depth below the
/// base, which orders the nearest-ancestor checks.
/// </summary>
internal sealed record DerivedTypeModel(
    string TypeName,
    string SerializerName,
    string? StringDiscriminator,
    int? IntDiscriminator,
    int Depth)
{
    public bool HasDiscriminator => StringDiscriminator is not null || IntDiscriminator is not null;

    /// <summary>The discriminator as it appears in messages: <c>'image'</c> or <c>1</c>.</summary>
    public string DisplayDiscriminator => StringDiscriminator is { } text ? "'" + text + "'"
        : IntDiscriminator?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
}
