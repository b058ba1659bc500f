using System.Text.Json;
using System.Text.Json.Serialization;

// DTOs for the focused JSON tests; reached from IJsonFocusedApi so the generator emits their serializers.
#pragma warning disable CA2227 // Collection properties should be read only: settable collections are what DTOs have.
#pragma warning disable CA1008 // Enums should have zero value.
#pragma warning disable CA1069 // Enums should not have duplicate values: aliases are under test.

namespace OciRaw.Client.Tests.Json;

/// <summary>Two names for one value: the generated switch must not repeat a case label.</summary>
public enum AliasedSwitch
{
    UnknownEnumValue,
    [JsonStringEnumMemberName("ON")] On = 1,
    [JsonStringEnumMemberName("ENABLED")] Enabled = 1,
    [JsonStringEnumMemberName("OFF")] Off = 2,
}

/// <summary>Enums of every flavour in every position.</summary>
public sealed class EnumHolder
{
    public Status Status { get; set; }
    public Color Color { get; set; } = Color.Green;
    public Status? MaybeStatus { get; set; }
    public List<Status>? Statuses { get; set; }
    public Dictionary<string, Status>? StatusMap { get; set; }
    public LegacyKind Legacy { get; set; }
    public List<LegacyKind>? Legacies { get; set; }
    public List<Color>? Colors { get; set; }
    public AliasedSwitch Switch { get; set; }
}

/// <summary>Init-only and settable members with initializers that a missing member should leave alone.</summary>
public sealed class InitDefaults
{
    public string Name { get; init; } = "default-name";
    public int Size { get; init; } = 42;
    public List<string> Items { get; init; } = ["x"];
    public string Settable { get; set; } = "kept";
}

/// <summary>[JsonIgnore] conditions other than Always, and a member with an internal setter.</summary>
public sealed class IgnoreConditions
{
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? NeverIgnored { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public int SkippedWhenDefault { get; set; }
    public string? Plain { get; set; }
}

/// <summary>Constructor defaults that are not plain positive literals.</summary>
public sealed record CtorDefaults(
    string Id,
    int Retries = -1,
    long Floor = long.MinValue,
    ulong Ceiling = ulong.MaxValue,
    decimal Big = 79228162514264337593543950335m,
    decimal Precise = 0.1234567890123456789012345678m,
    decimal Negative = -1.5m,
    double Ratio = -2.5,
    double NotANumber = double.NaN,
    float Infinite = float.NegativeInfinity,
    float Tenth = 0.1f,
    Plain Mode = Plain.Delta,
    Plain? MaybeMode = Plain.Delta,
    Color? MaybeColor = null,
    string? Note = "d\"q\\");

/// <summary>A nullable JsonElement: JSON null should give null, as in STJ.</summary>
public sealed class NullableElement
{
    public JsonElement? Value { get; set; }
    public JsonElement Always { get; set; }
}

/// <summary>Reaches every focused DTO.</summary>
public partial interface IJsonFocusedApi
{
    [OciEndpoint("POST /focused/enums")]
    Task<EnumHolder> EnumsAsync([OciBody] EnumHolder body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /focused/initDefaults")]
    Task<InitDefaults> InitDefaultsAsync([OciBody] InitDefaults body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /focused/ignoreConditions")]
    Task<IgnoreConditions> IgnoreConditionsAsync([OciBody] IgnoreConditions body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /focused/ctorDefaults")]
    Task<CtorDefaults> CtorDefaultsAsync([OciBody] CtorDefaults body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /focused/nullableElement")]
    Task<NullableElement> NullableElementAsync([OciBody] NullableElement body, CancellationToken cancellationToken = default);
}
