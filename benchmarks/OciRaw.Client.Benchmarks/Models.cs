using System.Text.Json;
using System.Text.Json.Serialization;

namespace OciRaw.Client.Benchmarks;

/// <summary>An OCI Identity user, as <c>GET /20160918/users/{userId}</c> returns it (12 properties).</summary>
public sealed class User
{
    public string Id { get; set; } = "";
    public string CompartmentId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string? Email { get; set; }
    public bool? EmailVerified { get; set; }
    public DateTimeOffset TimeCreated { get; set; }
    public LifecycleState LifecycleState { get; set; }
    public bool? IsMfaActivated { get; set; }
    public DateTimeOffset? LastSuccessfulLoginTime { get; set; }
    public Dictionary<string, string>? FreeformTags { get; set; }
    public Dictionary<string, Dictionary<string, JsonElement>>? DefinedTags { get; set; }
}

public enum LifecycleState
{
    UnknownEnumValue,
    [JsonStringEnumMemberName("CREATING")] Creating,
    [JsonStringEnumMemberName("ACTIVE")] Active,
    [JsonStringEnumMemberName("INACTIVE")] Inactive,
    [JsonStringEnumMemberName("DELETING")] Deleting,
    [JsonStringEnumMemberName("DELETED")] Deleted,
}

/// <summary>The body of <c>POST /20160918/users</c>; the fixture pads the description so it serializes to 1,024 bytes.</summary>
public sealed class CreateUserDetails
{
    public string CompartmentId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string? Email { get; set; }
    public Dictionary<string, string>? FreeformTags { get; set; }
    public Dictionary<string, Dictionary<string, JsonElement>>? DefinedTags { get; set; }
}

/// <summary>
/// System.Text.Json source generation for the hand-written and Refit clients, with the wire conventions the OciRaw
/// generator uses: camelCase names, enums as their <see cref="JsonStringEnumMemberNameAttribute"/> strings, nulls left out.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(List<User>))]
[JsonSerializable(typeof(CreateUserDetails))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
