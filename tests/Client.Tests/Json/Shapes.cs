using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;

// DTO shapes for the JSON differential tests. Every type here is reached from IJsonShapesApi below, so the generator
// emits a serializer for it (OciRaw.Generated.OciRaw_Client_Tests_Json_<Type>_Json).
#pragma warning disable CA1819 // Properties should not return arrays: arrays are one of the shapes under test.
#pragma warning disable CA2227 // Collection properties should be read only: settable collections are what DTOs have.
#pragma warning disable CA1720 // Identifiers contain type names: the members are named after the type they test.
#pragma warning disable CA1716 // Identifiers should not match keywords: keyword-like names are under test.
#pragma warning disable CA1008 // Enums should have zero value: an enum without UnknownEnumValue is under test.
#pragma warning disable CA1056, CA1054 // URI properties should not be strings: camelCase of "URL" is under test.
#pragma warning disable CA1707 // Identifiers should not contain underscores: camelCase of "X_Y" is under test.
#pragma warning disable IDE1006 // Naming styles.
#pragma warning disable CA1034 // Nested types should not be visible: a nested DTO is under test.

namespace OciRaw.Client.Tests.Json;

/// <summary>Without UnknownEnumValue: an unknown string is an error.</summary>
public enum Color
{
    [JsonStringEnumMemberName("RED")] Red = 1,
    [JsonStringEnumMemberName("GREEN")] Green = 2,
    [JsonStringEnumMemberName("blue-ish")] Blue = 3,
}

/// <summary>With UnknownEnumValue (OCI style): an unknown string maps to it.</summary>
public enum Status
{
    UnknownEnumValue,
    [JsonStringEnumMemberName("ACTIVE")] Active,
    [JsonStringEnumMemberName("INACTIVE")] Inactive,
    [JsonStringEnumMemberName("DELETED")] Deleted,
}

/// <summary>No attributes: the C# name is the JSON string.</summary>
public enum Plain
{
    Alpha,
    Beta,
    Gamma = 10,
    Delta = -5,
}

/// <summary>
/// [EnumMember] values, as OCI's SDKs declare them. System.Text.Json ignores [EnumMember], so this enum is tested
/// against literal JSON rather than differentially.
/// </summary>
public enum LegacyKind
{
    UnknownEnumValue,
    [EnumMember(Value = "legacy-a")] A,
    [EnumMember(Value = "LEGACY_B")] B,
}

/// <summary>1. Every scalar, settable.</summary>
public sealed class Scalars
{
    public string Text { get; set; } = "";
    public bool Flag { get; set; }
    public byte U8 { get; set; }
    public sbyte I8 { get; set; }
    public short I16 { get; set; }
    public ushort U16 { get; set; }
    public int I32 { get; set; }
    public uint U32 { get; set; }
    public long I64 { get; set; }
    public ulong U64 { get; set; }
    public float F32 { get; set; }
    public double F64 { get; set; }
    public decimal Money { get; set; }
    public DateTimeOffset When { get; set; }
    public DateTime Stamp { get; set; }
    public Guid Identifier { get; set; }
    public byte[] Blob { get; set; } = [];
}

/// <summary>2. Every scalar, nullable.</summary>
public sealed class NullableScalars
{
    public string? Text { get; set; }
    public bool? Flag { get; set; }
    public byte? U8 { get; set; }
    public sbyte? I8 { get; set; }
    public short? I16 { get; set; }
    public ushort? U16 { get; set; }
    public int? I32 { get; set; }
    public uint? U32 { get; set; }
    public long? I64 { get; set; }
    public ulong? U64 { get; set; }
    public float? F32 { get; set; }
    public double? F64 { get; set; }
    public decimal? Money { get; set; }
    public DateTimeOffset? When { get; set; }
    public DateTime? Stamp { get; set; }
    public Guid? Identifier { get; set; }
    public byte[]? Blob { get; set; }
}

/// <summary>3. A positional record: everything through the primary constructor.</summary>
public sealed record PositionalRecord(string Name, int Count, DateTimeOffset When, Guid? Reference, Status State);

/// <summary>4. A record with a primary constructor, init-only and settable members.</summary>
public sealed record RecordWithInit(string Id, long Version)
{
    public string? DisplayName { get; init; }
    public List<string>? Aliases { get; init; }
    public double Score { get; set; }
    public Color? Favourite { get; set; }
}

/// <summary>5. A class with init-only members only.</summary>
public sealed class InitOnlyClass
{
    public string? Name { get; init; }
    public int Size { get; init; }
    public DateTime Created { get; init; }
    public IReadOnlyList<int>? Numbers { get; init; }
}

/// <summary>6. C# required members next to optional ones.</summary>
public sealed class RequiredMembers
{
    public required string CompartmentId { get; set; }
    public required int Limit { get; init; }
    public required Status LifecycleState { get; set; }
    public string? Description { get; set; }
    public long? Quota { get; set; }
}

/// <summary>7. A mutable struct.</summary>
public struct MutablePoint
{
    public int X { get; set; }
    public int Y { get; set; }
    public string? Label { get; set; }
}

/// <summary>8. A readonly record struct.</summary>
public readonly record struct ReadonlyVector(double X, double Y, string? Unit);

/// <summary>9. A class with a constructor (defaults included) and settable members.</summary>
public sealed class CtorClass
{
    public CtorClass(string region, int retries = 3, bool verbose = true, Plain mode = Plain.Gamma)
    {
        Region = region;
        Retries = retries;
        Verbose = verbose;
        Mode = mode;
    }

    public string Region { get; }
    public int Retries { get; }
    public bool Verbose { get; }
    public Plain Mode { get; }
    public decimal? Budget { get; set; }
    public string? Note { get; set; }
}

/// <summary>10. Nested DTOs, nullable and not, classes and structs.</summary>
public sealed class NestedDto
{
    public Scalars? Inner { get; set; }
    public MutablePoint Point { get; set; }
    public MutablePoint? MaybePoint { get; set; }
    public PositionalRecord? Record { get; set; }
    public ReadonlyVector Vector { get; set; }
    public NullableScalars Optional { get; set; } = new();
}

/// <summary>11. A recursive tree.</summary>
public sealed class TreeNode
{
    public string Name { get; set; } = "";
    public int Value { get; set; }
    public List<TreeNode>? Children { get; set; }
    public Dictionary<string, TreeNode>? Named { get; set; }
    public TreeNode? Next { get; set; }
}

/// <summary>12. Arrays of every kind of element.</summary>
public sealed class Arrays
{
    public int[]? Ints { get; set; }
    public int?[]? NullableInts { get; set; }
    public string?[]? Strings { get; set; }
    public double[]? Doubles { get; set; }
    public Guid[]? Guids { get; set; }
    public byte[]?[]? Blobs { get; set; }
    public MutablePoint[]? Points { get; set; }
    public decimal?[]? Decimals { get; set; }
    public int[][]? Jagged { get; set; }
}

/// <summary>13. List&lt;T&gt; of every kind of element.</summary>
public sealed class Lists
{
    public List<string>? Strings { get; set; }
    public List<int?>? NullableInts { get; set; }
    public List<ulong>? Unsigned { get; set; }
    public List<DateTimeOffset>? Times { get; set; }
    public List<List<int>>? Nested { get; set; }
    public List<PositionalRecord?>? Records { get; set; }
    public List<float>? Floats { get; set; }
}

/// <summary>14. The read-only and other collection interfaces.</summary>
public sealed class CollectionInterfaces
{
    public IReadOnlyList<string>? ReadOnlyList { get; set; }
    public IReadOnlyCollection<int>? ReadOnlyCollection { get; set; }
    public IEnumerable<Guid>? Sequence { get; set; }
    public IList<double?>? MutableList { get; set; }
    public ICollection<bool>? Collection { get; set; }
    public IReadOnlyDictionary<string, long>? ReadOnlyMap { get; set; }
    public IDictionary<string, string>? MutableMap { get; set; }
}

/// <summary>15. Dictionaries, including OCI's nested tag maps and dictionaries of lists.</summary>
public sealed class Dictionaries
{
    public Dictionary<string, string>? FreeformTags { get; set; }
    public Dictionary<string, Dictionary<string, JsonElement>>? DefinedTags { get; set; }
    public Dictionary<string, int>? Counts { get; set; }
    public Dictionary<string, string?>? NullableValues { get; set; }
    public Dictionary<string, List<int>>? ListsByKey { get; set; }
    public IDictionary<string, int?[]>? ArraysByKey { get; set; }
    public IReadOnlyDictionary<string, MutablePoint>? Points { get; set; }
    public Dictionary<string, Dictionary<string, List<string>>>? Deep { get; set; }
}

/// <summary>16. Free-form values.</summary>
public sealed class FreeForm
{
    public JsonElement Value { get; set; }
    public JsonElement? Maybe { get; set; }
    public List<JsonElement>? Items { get; set; }
    public Dictionary<string, JsonElement>? Map { get; set; }
    public JsonElement[]? Array { get; set; }
}

/// <summary>17. Enums as members, nullable, and in collections.</summary>
public sealed class Enums
{
    public Color Color { get; set; } = Color.Red;
    public Status Status { get; set; }
    public Plain Plain { get; set; }
    public Color? MaybeColor { get; set; }
    public Status? MaybeStatus { get; set; }
    public List<Color>? Colors { get; set; }
    public Dictionary<string, Status>? ByName { get; set; }
    public Plain[]? Plains { get; set; }
    public List<Color?>? NullableColors { get; set; }
}

/// <summary>18. Explicit names that need escaping, non-ASCII names, and camelCase edge cases.</summary>
public sealed class CustomNames
{
    [JsonPropertyName("näme")] public string? Name { get; set; }
    [JsonPropertyName("with \"quotes\" and \\backslash")] public int Quoted { get; set; }
    [JsonPropertyName("tab\there\nnewline")] public int Controls { get; set; }
    [JsonPropertyName("emoji😀𝄞")] public bool Emoji { get; set; }
    [JsonPropertyName("<script>&'+`")] public string? Html { get; set; }
    [JsonPropertyName("line\u2028sep\u0001\u007f")] public long Separators { get; set; }
    [JsonPropertyName("日本語")] public double Japanese { get; set; }
    [JsonPropertyName("$id")] public string? Identifier { get; set; }
    [JsonPropertyName("")] public int Empty { get; set; }
    [JsonPropertyName("UPPER")] public int Upper { get; set; }
    public int URLValue { get; set; }
    public int IPAddress { get; set; }
    public int ID { get; set; }
    public int A { get; set; }
    public int HTMLParser2 { get; set; }
    public int X_Y { get; set; }
    public int Äpfel { get; set; }
    public int already { get; set; }
    public int @event { get; set; }
    public int Class { get; set; }
}

/// <summary>19. [JsonIgnore], get-only and private-set members.</summary>
public sealed class WithIgnored
{
    public string? Kept { get; set; }
    [JsonIgnore] public string? Secret { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.Always)] public int AlwaysIgnored { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? SkippedWhenNull { get; set; }
    public int Computed => (Kept?.Length ?? -1) * 2;
    public string? PrivateSet { get; private set; }
}

/// <summary>20a. A base class.</summary>
public class BaseEntity
{
    public string? Id { get; set; }
    public virtual string? Name { get; set; }
    public DateTimeOffset Created { get; set; }
}

/// <summary>20. Inheritance: base members, an override and new members.</summary>
public sealed class DerivedEntity : BaseEntity
{
    public int Level { get; set; }
    public override string? Name { get; set; }
    public List<string>? Tags { get; set; }
}

/// <summary>21a. A base record.</summary>
public record RecordBase(string Id, int Version);

/// <summary>21. Record inheritance through primary constructors.</summary>
public sealed record RecordDerived(string Id, int Version, string? Extra) : RecordBase(Id, Version)
{
    public Status State { get; init; }
}

/// <summary>22a. A shape config, as in OCI's Instance.</summary>
public sealed class ShapeConfig
{
    public float? Ocpus { get; set; }
    public float? MemoryInGBs { get; set; }
    public int? Gpus { get; set; }
    public string? ProcessorDescription { get; set; }
}

/// <summary>22. An OCI-like resource: everything at once.</summary>
public sealed class OciInstance
{
    public string Id { get; set; } = "";
    public string CompartmentId { get; set; } = "";
    public string? DisplayName { get; set; }
    public Status LifecycleState { get; set; }
    public DateTimeOffset TimeCreated { get; set; }
    public string? Shape { get; set; }
    public ShapeConfig? ShapeConfig { get; set; }
    public Dictionary<string, string>? Metadata { get; set; }
    public Dictionary<string, JsonElement>? ExtendedMetadata { get; set; }
    public Dictionary<string, string>? FreeformTags { get; set; }
    public Dictionary<string, Dictionary<string, JsonElement>>? DefinedTags { get; set; }
    public Dictionary<string, Dictionary<string, JsonElement>>? SystemTags { get; set; }
    public List<PositionalRecord>? Attachments { get; set; }
    public IReadOnlyList<string>? FaultDomains { get; set; }
}

/// <summary>23. A generic DTO, closed over a record.</summary>
public sealed class Page<T>
{
    public List<T>? Items { get; set; }
    public string? NextPage { get; set; }
    public T? First { get; set; }
}

/// <summary>24. No members at all.</summary>
public sealed class EmptyDto
{
}

/// <summary>25. A mutable positional record struct.</summary>
public record struct MoneyAmount(decimal Amount, string Currency);

/// <summary>26. Deeply nested collections.</summary>
public sealed class DeepCollections
{
    public List<Dictionary<string, List<int?>>>? ListOfMaps { get; set; }
    public Dictionary<string, List<string>>? MapOfLists { get; set; }
    public List<int?[]>? ListOfNullableArrays { get; set; }
    public Dictionary<string, Dictionary<string, List<TreeNode>>>? MapOfMapOfTrees { get; set; }
    public IReadOnlyList<IReadOnlyList<MoneyAmount>>? Matrix { get; set; }
}

/// <summary>27. A record whose primary constructor members have explicit names and defaults.</summary>
public sealed record NamedRecord(
    [property: JsonPropertyName("x-id")] string Id,
    [property: JsonPropertyName("display name")] string? Display = null,
    int Priority = 5,
    Plain Kind = Plain.Beta)
{
    [JsonPropertyName("ünicode")] public string? Extra { get; init; }
}

/// <summary>28a. A base class whose member a derived class hides.</summary>
public class HidingBase
{
    public string? Code { get; set; }
    public int Shared { get; set; }
}

/// <summary>28. A member hidden with 'new' and another type, and a DTO nested in a class.</summary>
public sealed class HidingEntity : HidingBase
{
    public new long Code { get; set; }
    public Container.NestedItem? Item { get; set; }
}

/// <summary>Holds a nested DTO type.</summary>
public static class Container
{
    /// <summary>A recursive DTO nested in a class.</summary>
    public sealed class NestedItem
    {
        public string? Label { get; set; }
        public List<NestedItem>? More { get; set; }
    }
}

/// <summary>A setter that validates what it is given, as some hand-written DTOs do.</summary>
public sealed class ValidatingSetter
{
    private int _port = 443;

    public int Port
    {
        get => _port;
        set => _port = value is >= 1 and <= 65535 ? value : throw new InvalidOperationException($"port {value} is out of range");
    }

    public string? Host { get; set; }
}

/// <summary>Every DTO above, reached from [OciEndpoint] methods so the generator emits its serializer.</summary>
public partial interface IJsonShapesApi
{
    [OciEndpoint("POST /shapes/scalars")]
    Task<Scalars> ScalarsAsync([OciBody] Scalars body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/nullableScalars")]
    Task<NullableScalars> NullableScalarsAsync([OciBody] NullableScalars body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/positionalRecord")]
    Task<PositionalRecord> PositionalRecordAsync([OciBody] PositionalRecord body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/recordWithInit")]
    Task<RecordWithInit> RecordWithInitAsync([OciBody] RecordWithInit body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/initOnlyClass")]
    Task<InitOnlyClass> InitOnlyClassAsync([OciBody] InitOnlyClass body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/requiredMembers")]
    Task<RequiredMembers> RequiredMembersAsync([OciBody] RequiredMembers body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/mutablePoint")]
    Task<MutablePoint> MutablePointAsync([OciBody] MutablePoint body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/readonlyVector")]
    Task<ReadonlyVector> ReadonlyVectorAsync([OciBody] ReadonlyVector body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/ctorClass")]
    Task<CtorClass> CtorClassAsync([OciBody] CtorClass body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/nested")]
    Task<NestedDto> NestedAsync([OciBody] NestedDto body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/tree")]
    Task<TreeNode> TreeAsync([OciBody] TreeNode body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/arrays")]
    Task<Arrays> ArraysAsync([OciBody] Arrays body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/lists")]
    Task<Lists> ListsAsync([OciBody] Lists body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/collectionInterfaces")]
    Task<CollectionInterfaces> CollectionInterfacesAsync([OciBody] CollectionInterfaces body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/dictionaries")]
    Task<Dictionaries> DictionariesAsync([OciBody] Dictionaries body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/freeForm")]
    Task<FreeForm> FreeFormAsync([OciBody] FreeForm body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/enums")]
    Task<Enums> EnumsAsync([OciBody] Enums body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/customNames")]
    Task<CustomNames> CustomNamesAsync([OciBody] CustomNames body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/withIgnored")]
    Task<WithIgnored> WithIgnoredAsync([OciBody] WithIgnored body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/derivedEntity")]
    Task<DerivedEntity> DerivedEntityAsync([OciBody] DerivedEntity body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/recordDerived")]
    Task<RecordDerived> RecordDerivedAsync([OciBody] RecordDerived body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/ociInstance")]
    Task<OciInstance> OciInstanceAsync([OciBody] OciInstance body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/page")]
    Task<Page<PositionalRecord>> PageAsync([OciBody] Page<PositionalRecord> body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/empty")]
    Task<EmptyDto> EmptyAsync([OciBody] EmptyDto body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/moneyAmount")]
    Task<MoneyAmount> MoneyAmountAsync([OciBody] MoneyAmount body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/deepCollections")]
    Task<DeepCollections> DeepCollectionsAsync([OciBody] DeepCollections body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/namedRecord")]
    Task<NamedRecord> NamedRecordAsync([OciBody] NamedRecord body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/hidingEntity")]
    Task<HidingEntity> HidingEntityAsync([OciBody] HidingEntity body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/legacyKind")]
    Task<LegacyKind> LegacyKindAsync([OciBody] LegacyKind body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/validatingSetter")]
    Task<ValidatingSetter> ValidatingSetterAsync([OciBody] ValidatingSetter body, CancellationToken cancellationToken = default);
}
