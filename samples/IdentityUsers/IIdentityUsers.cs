namespace OciRaw.Samples.IdentityUsers;

/// <summary>
/// The OCI Identity users API, as a typed client. OciRaw's generator implements it at compile time and adds
/// <c>IIdentityUsers.Create(HttpClient)</c> and, from <c>[OciService]</c>, <c>IIdentityUsers.Create(signer, region)</c>.
/// </summary>
[OciService("identity", "https://identity.{region}.oci.{secondLevelDomain}")]
public partial interface IIdentityUsers
{
    [OciEndpoint("POST /20160918/users")]
    Task<OciResponse<User>> CreateUserAsync([OciBody] CreateUserDetails details,
        [OciHeader("opc-retry-token")] string? retryToken = null, CancellationToken cancellationToken = default);

    [OciEndpoint("GET /20160918/users/{userId}")]
    Task<OciResponse<User>> GetUserAsync(string userId, CancellationToken cancellationToken = default);

    [OciEndpoint("GET /20160918/users")]
    IAsyncEnumerable<User> ListUsersAsync([OciQuery] string compartmentId, [OciQuery] int? limit = null,
        CancellationToken cancellationToken = default);

    /// <summary>One page at a time, for callers that show or store page tokens.</summary>
    [OciEndpoint("GET /20160918/users")]
    Task<OciResponse<List<User>>> ListUsersPageAsync([OciQuery] string compartmentId, [OciQuery] int? limit = null,
        [OciQuery] string? page = null, CancellationToken cancellationToken = default);

    [OciEndpoint("PUT /20160918/users/{userId}")]
    Task<OciResponse<User>> UpdateUserAsync(string userId, [OciBody] UpdateUserDetails details,
        [OciHeader("if-match")] string? ifMatch = null, CancellationToken cancellationToken = default);

    [OciEndpoint("DELETE /20160918/users/{userId}")]
    Task DeleteUserAsync(string userId, [OciHeader("if-match")] string? ifMatch = null, CancellationToken cancellationToken = default);
}
