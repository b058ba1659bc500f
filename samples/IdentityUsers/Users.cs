using System.Text.Json;
using System.Text.Json.Serialization;

namespace OciRaw.Samples.IdentityUsers;

/// <summary>An Identity user (the fields this sample uses; unknown ones are skipped when reading).</summary>
public sealed class User
{
    public required string Id { get; init; }

    public string? CompartmentId { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public string? Email { get; init; }

    public DateTimeOffset TimeCreated { get; init; }

    public UserLifecycleState LifecycleState { get; init; }

    public Dictionary<string, string>? FreeformTags { get; init; }

    public Dictionary<string, Dictionary<string, JsonElement>>? DefinedTags { get; init; }
}

/// <summary>A user's lifecycle state; values added by the service later read as <see cref="UnknownEnumValue"/>.</summary>
public enum UserLifecycleState
{
    UnknownEnumValue,
    [JsonStringEnumMemberName("CREATING")] Creating,
    [JsonStringEnumMemberName("ACTIVE")] Active,
    [JsonStringEnumMemberName("INACTIVE")] Inactive,
    [JsonStringEnumMemberName("DELETING")] Deleting,
    [JsonStringEnumMemberName("DELETED")] Deleted,
}

/// <summary>The body of CreateUser.</summary>
public sealed record CreateUserDetails(string CompartmentId, string Name, string Description)
{
    public string? Email { get; init; }

    public Dictionary<string, string>? FreeformTags { get; init; }
}

/// <summary>The body of UpdateUser: members left null are not changed.</summary>
public sealed record UpdateUserDetails
{
    public string? Description { get; init; }

    public string? Email { get; init; }

    public Dictionary<string, string>? FreeformTags { get; init; }
}
