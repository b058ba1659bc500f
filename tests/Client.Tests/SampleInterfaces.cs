using System.Text.Json;
using System.Text.Json.Serialization;

namespace OciRaw.Client.Tests;

public sealed class User
{
    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset TimeCreated { get; set; }
    public LifecycleState LifecycleState { get; set; }
    public Dictionary<string, Dictionary<string, JsonElement>>? DefinedTags { get; set; }
    public List<string>? Tags { get; set; }
    public int? Count { get; set; }
}

public enum LifecycleState
{
    UnknownEnumValue,
    [JsonStringEnumMemberName("CREATING")] Creating,
    [JsonStringEnumMemberName("ACTIVE")] Active,
    [JsonStringEnumMemberName("DELETED")] Deleted,
}

public sealed record CreateUserDetails(string CompartmentId, string Name, string Description)
{
    public string? Email { get; init; }
}

public partial interface IIdentityUsers
{
    [OciEndpoint("POST /20160918/users")]
    Task<User> CreateUserAsync([OciBody] CreateUserDetails details,
        [OciHeader("opc-retry-token")] string? retryToken = null, CancellationToken cancellationToken = default);

    [OciEndpoint("GET /20160918/users/{userId}")]
    Task<OciResponse<User>> GetUserAsync(string userId, CancellationToken cancellationToken = default);

    [OciEndpoint("GET /20160918/users")]
    IAsyncEnumerable<User> ListUsersAsync([OciQuery] string compartmentId, [OciQuery] int? limit = null,
        CancellationToken cancellationToken = default);

    [OciEndpoint("DELETE /20160918/users/{userId}")]
    Task DeleteUserAsync(string userId, [OciHeader("if-match")] string? ifMatch = null, CancellationToken cancellationToken = default);

    // The same DELETE read as data, to see what its 204 No Content becomes.

    [OciEndpoint("DELETE /20160918/users/{userId}")]
    Task<OciResponse<User?>> DeleteUserForResponseAsync(string userId);

    [OciEndpoint("DELETE /20160918/users/{userId}")]
    Task<User> DeleteUserExpectingBodyAsync(string userId);
}
