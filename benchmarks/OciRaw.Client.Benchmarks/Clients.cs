using System.Globalization;
using System.Net.Http.Json;
using Refit;

namespace OciRaw.Client.Benchmarks;

/// <summary>The OciRaw generated client: the generator implements these methods and adds <c>Create(HttpClient)</c>.</summary>
public partial interface IOciRawUsers
{
    [OciEndpoint("GET /20160918/users/{userId}")]
    Task<User> GetUserAsync(string userId, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /20160918/users")]
    Task<User> CreateUserAsync([OciBody] CreateUserDetails createUserDetails, CancellationToken cancellationToken = default);

    [OciEndpoint("GET /20160918/users")]
    Task<List<User>> ListUsersAsync([OciQuery] string compartmentId, [OciQuery] int? limit = null, CancellationToken cancellationToken = default);
}

/// <summary>The same list operation as OciRaw users would normally declare it: an <see cref="IAsyncEnumerable{T}"/> that follows <c>opc-next-page</c>.</summary>
public partial interface IOciRawUserPages
{
    [OciEndpoint("GET /20160918/users")]
    IAsyncEnumerable<User> ListUsersAsync([OciQuery] string compartmentId, [OciQuery] int? limit = null, CancellationToken cancellationToken = default);
}

/// <summary>The same three operations with Refit (its source generator builds the implementation).</summary>
public interface IRefitUsers
{
    [Get("/20160918/users/{userId}")]
    Task<User> GetUserAsync(string userId, CancellationToken cancellationToken = default);

    [Post("/20160918/users")]
    Task<User> CreateUserAsync([Body] CreateUserDetails createUserDetails, CancellationToken cancellationToken = default);

    [Get("/20160918/users")]
    Task<List<User>> ListUsersAsync(string compartmentId, int? limit = null, CancellationToken cancellationToken = default);
}

/// <summary>
/// What a careful engineer writes by hand: one <see cref="HttpRequestMessage"/> per call, System.Text.Json source-generated
/// metadata for both directions, the body streamed from the response (<see cref="HttpCompletionOption.ResponseHeadersRead"/>).
/// </summary>
public sealed class HandWrittenUsersClient(HttpClient httpClient)
{
    public async Task<User> GetUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/20160918/users/" + Uri.EscapeDataString(userId));
        return await SendAsync(request, BenchJsonContext.Default.User, cancellationToken).ConfigureAwait(false);
    }

    public async Task<User> CreateUserAsync(CreateUserDetails createUserDetails, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/20160918/users")
        {
            Content = JsonContent.Create(createUserDetails, BenchJsonContext.Default.CreateUserDetails),
        };
        return await SendAsync(request, BenchJsonContext.Default.User, cancellationToken).ConfigureAwait(false);
    }

    public async Task<List<User>> ListUsersAsync(string compartmentId, int limit, CancellationToken cancellationToken = default)
    {
        string uri = "/20160918/users?compartmentId=" + Uri.EscapeDataString(compartmentId) + "&limit=" + limit.ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        return await SendAsync(request, BenchJsonContext.Default.ListUser, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The response body is JSON null.");
    }
}
