using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

// DTOs for the System.Text.Json attributes the generator honours ([JsonPropertyOrder], [JsonRequired], [JsonInclude],
// string-enum [JsonConverter], Strict [JsonNumberHandling]) and for init-only members of types built through a
// constructor. Reached from IJsonAttributeShapesApi so the generator emits their serializers.
#pragma warning disable CA1051 // Do not declare visible instance fields: [JsonInclude] fields are under test.
#pragma warning disable CA2227 // Collection properties should be read only: settable collections are what DTOs have.
#pragma warning disable CA1044 // Properties should not be write only: a public setter without a public getter is under test.
#pragma warning disable CA1008 // Enums should have zero value.

namespace OciRaw.Client.Tests.Json;

/// <summary>[JsonPropertyOrder]: negative, positive and tied orders; ties keep declaration order.</summary>
public sealed class OrderedMembers
{
    [JsonPropertyOrder(2)] public string? Last { get; set; }
    public int Middle { get; set; }
    [JsonPropertyOrder(-1)] public string? First { get; set; }
    [JsonPropertyOrder(2)] public bool AlsoLast { get; set; }
    [JsonPropertyOrder(1)] public List<int>? Later { get; set; }
    public Status State { get; set; }
}

/// <summary>[JsonPropertyOrder] on a positional record's parameters and on an init-only member.</summary>
public sealed record OrderedRecord([property: JsonPropertyOrder(1)] string Id, string Name, [property: JsonPropertyOrder(-2)] int Rank)
{
    [JsonPropertyOrder(-1)] public List<string>? Tags { get; init; }
}

/// <summary>[JsonRequired] on constructor-bound, settable and init-only members, next to C# required and optional ones.</summary>
public sealed record JsonRequiredMembers([property: JsonRequired] string Id)
{
    [JsonRequired] public string? Name { get; set; }
    [JsonRequired] public int Count { get; init; }
    public required Status State { get; init; }
    public string? Optional { get; set; }
}

/// <summary>Required members one level down, so an error has a path.</summary>
public sealed class RequiredHolder
{
    public List<JsonRequiredMembers>? Items { get; set; }
}

/// <summary>[JsonInclude] on what generated code can reach: internal accessors and properties, and fields.</summary>
public sealed class IncludedMembers
{
    [JsonInclude] public string? InternalSet { get; internal set; }
    [JsonInclude] internal int InternalProperty { get; set; }
    [JsonInclude] public long? InternalGet { internal get; set; }
    [JsonInclude] public string? Field;
    [JsonInclude] public readonly string ReadOnlyField = "fixed";
    [JsonInclude] internal List<int>? InternalField;
    [JsonInclude, JsonPropertyOrder(-1)] public Color FieldFirst = Color.Red;

    /// <summary>Without [JsonInclude] System.Text.Json ignores a non-public setter: the member is written, never read.</summary>
    public string? PublicGetInternalSet { get; internal set; }

    /// <summary>Without [JsonInclude] a public field is not serialized at all.</summary>
    public string? NotIncluded;

    /// <summary>Lets the tests see <see cref="InternalGet"/>.</summary>
    internal long? InternalGetValue => InternalGet;
}

/// <summary>A public setter without a public getter: System.Text.Json reads the member and never writes it.</summary>
public sealed class SetterOnly
{
    private string? _secret;
    private int _count;

    public string? Secret { private get => _secret; set => _secret = value; }

    public int Count { set => _count = value; }

    public string? Seen => _secret + "/" + _count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Init-only members with initializers on a record built through its constructor.</summary>
public sealed record CtorWithInitDefaults(string Id)
{
    public string Name { get; init; } = "default-name";
    public int Size { get; init; } = 42;
    public List<string> Tags { get; init; } = ["t"];
    public DateTimeOffset? When { get; init; }
}

/// <summary>A constructor body that sets an init-only member, next to a required member and an initializer.</summary>
public sealed class CtorBodyInit
{
    public CtorBodyInit(string id)
    {
        Id = id;
        Label = "from-ctor";
    }

    public string Id { get; }
    public string Label { get; init; }
    public required string Kind { get; init; }
    public string Note { get; init; } = "note";
}

/// <summary>A parameterless constructor body that sets an init-only member: no initializer to see in source.</summary>
public sealed class ParameterlessBodyInit
{
    public ParameterlessBodyInit()
    {
        Label = "from-ctor";
    }

    public string Label { get; init; }
    public int Plain { get; init; }
}

/// <summary>[SetsRequiredMembers]: C# required members are then optional in the JSON and keep their initializers; [JsonRequired] still holds.</summary>
public sealed class SetsRequired
{
    [SetsRequiredMembers]
    public SetsRequired()
    {
    }

    public required string Name { get; init; } = "preset";
    public required int Count { get; set; } = 3;
    [JsonRequired] public string? Still { get; set; }
}

/// <summary>An enum whose own converter is the string converter.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Shade>))]
public enum Shade
{
    [JsonStringEnumMemberName("DARK")] Dark = 1,
    Light = 2,
}

/// <summary>String-enum converters and Strict number handling: what generated code does anyway.</summary>
public sealed class ConvertedEnums
{
    [JsonConverter(typeof(JsonStringEnumConverter))] public Plain Mode { get; set; }
    [JsonConverter(typeof(JsonStringEnumConverter<Status>))] public Status? State { get; set; }
    public Shade Shade { get; set; } = Shade.Light;
    [JsonNumberHandling(JsonNumberHandling.Strict)] public int Count { get; set; }
}

/// <summary>Reaches every DTO above.</summary>
public partial interface IJsonAttributeShapesApi
{
    [OciEndpoint("POST /attributes/ordered")]
    Task<OrderedMembers> OrderedAsync([OciBody] OrderedMembers body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /attributes/orderedRecord")]
    Task<OrderedRecord> OrderedRecordAsync([OciBody] OrderedRecord body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /attributes/required")]
    Task<RequiredHolder> RequiredAsync([OciBody] RequiredHolder body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /attributes/included")]
    Task<IncludedMembers> IncludedAsync([OciBody] IncludedMembers body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /attributes/setterOnly")]
    Task<SetterOnly> SetterOnlyAsync([OciBody] SetterOnly body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /attributes/ctorWithInitDefaults")]
    Task<CtorWithInitDefaults> CtorWithInitDefaultsAsync([OciBody] CtorWithInitDefaults body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /attributes/ctorBodyInit")]
    Task<CtorBodyInit> CtorBodyInitAsync([OciBody] CtorBodyInit body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /attributes/parameterlessBodyInit")]
    Task<ParameterlessBodyInit> ParameterlessBodyInitAsync([OciBody] ParameterlessBodyInit body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /attributes/setsRequired")]
    Task<SetsRequired> SetsRequiredAsync([OciBody] SetsRequired body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /attributes/convertedEnums")]
    Task<ConvertedEnums> ConvertedEnumsAsync([OciBody] ConvertedEnums body, CancellationToken cancellationToken = default);
}
