using System.Net;
using System.Text;
using System.Text.Json;

namespace OciRaw.Samples.IdentityUsers;

/// <summary>
/// What a user of OciRaw does with Identity users: create (idempotently), get, list page by page, update with
/// if-match, delete; then the same create as a raw signed request. Everything it creates, it deletes.
/// </summary>
public sealed class Walkthrough(HttpClient http, string compartmentId, TextWriter output, int extraUsers)
{
    private const int PageSize = 2;
    private const int MaxPagesShown = 3;

    private readonly IIdentityUsers _users = IIdentityUsers.Create(http);
    private readonly List<string> _created = [];
    private readonly string _prefix = "ociraw-sample-" + Guid.NewGuid().ToString("N")[..8];

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            User user = await CreateAsync(cancellationToken);
            string etag = await GetAsync(user.Id, cancellationToken);
            await ListAsync(cancellationToken);
            etag = await UpdateAsync(user.Id, etag, cancellationToken);
            await DeleteAsync(user.Id, etag, cancellationToken);
            await RawRequestAsync(cancellationToken);
            output.WriteLine();
            output.WriteLine("Done: every step behaved as OCI does.");
        }
        finally
        {
            await CleanUpAsync();
        }
    }

    private async Task<User> CreateAsync(CancellationToken cancellationToken)
    {
        Step(1, "Create a user through the generated client, with an opc-retry-token");
        var details = new CreateUserDetails(compartmentId, _prefix, "Created by the OciRaw sample") { FreeformTags = new() { ["sample"] = "ociraw" } };
        string retryToken = Guid.NewGuid().ToString("N");
        OciResponse<User> created = await _users.CreateUserAsync(details, retryToken, cancellationToken);
        _created.Add(created.Data.Id);
        Line($"created {created.Data.Name}: {created.Data.Id} ({created.Data.LifecycleState}), etag {created.ETag}, opc-request-id {created.OpcRequestId}");

        OciResponse<User> replayed = await _users.CreateUserAsync(details, retryToken, cancellationToken);
        Line($"the same create with the same retry token returns the same user: {(replayed.Data.Id == created.Data.Id ? "yes" : "NO")}");
        Expect(replayed.Data.Id == created.Data.Id, "a retried create must not create a second user");

        for (int i = 1; i <= extraUsers; i++)
        {
            OciResponse<User> extra = await _users.CreateUserAsync(details with { Name = $"{_prefix}-{i}" }, cancellationToken: cancellationToken);
            _created.Add(extra.Data.Id);
        }

        if (extraUsers > 0)
        {
            Line($"created {extraUsers} more users so that the list below has several pages");
        }

        return created.Data;
    }

    private async Task<string> GetAsync(string userId, CancellationToken cancellationToken)
    {
        Step(2, "Get it back");
        OciResponse<User> fetched = await _users.GetUserAsync(userId, cancellationToken);
        Line($"{fetched.Data.Name}: \"{fetched.Data.Description}\", created {fetched.Data.TimeCreated:u}, tags {string.Join(", ", (fetched.Data.FreeformTags ?? []).Select(t => t.Key + "=" + t.Value))}");
        return fetched.ETag ?? throw new InvalidOperationException("The service returned no etag.");
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        Step(3, $"List users page by page ({PageSize} per page, following opc-next-page)");
        string? page = null;
        int pageNumber = 0;
        do
        {
            OciResponse<List<User>> response = await _users.ListUsersPageAsync(compartmentId, PageSize, page, cancellationToken);
            pageNumber++;
            Line($"page {pageNumber}: {string.Join(", ", response.Data.Select(u => u.Name))}");
            page = response.OpcNextPage;
        }
        while (page is not null && pageNumber < MaxPagesShown);

        if (page is not null)
        {
            Line($"(stopping after {MaxPagesShown} pages)");
        }

        int mine = 0;
        await foreach (User user in _users.ListUsersAsync(compartmentId, limit: PageSize, cancellationToken))
        {
            mine += user.Name.StartsWith(_prefix, StringComparison.Ordinal) ? 1 : 0;
        }

        Line($"IAsyncEnumerable<User> walked every page lazily and found this run's {mine} user(s)");
        Expect(mine == _created.Count, "every user this run created must be listed");
    }

    private async Task<string> UpdateAsync(string userId, string etag, CancellationToken cancellationToken)
    {
        Step(4, "Update the description with if-match");
        OciResponse<User> updated = await _users.UpdateUserAsync(userId, new UpdateUserDetails { Description = "Updated by the OciRaw sample" }, etag, cancellationToken);
        Line($"description is now \"{updated.Data.Description}\"; etag {etag} -> {updated.ETag}");
        try
        {
            await _users.UpdateUserAsync(userId, new UpdateUserDetails { Description = "lost update" }, etag, cancellationToken);
            Expect(false, "an update with a stale etag must fail");
        }
        catch (OciServiceException e) when (e.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            Line($"an update with the stale etag is refused: {(int)e.StatusCode} {e.ServiceCode} (expected)");
        }

        return updated.ETag!;
    }

    private async Task DeleteAsync(string userId, string etag, CancellationToken cancellationToken)
    {
        Step(5, "Delete it with if-match");
        await _users.DeleteUserAsync(userId, etag, cancellationToken);
        _created.Remove(userId);
        Line("deleted");
        try
        {
            await _users.GetUserAsync(userId, cancellationToken);
            Line("it can still be read for a while (OCI keeps deleted users briefly)");
        }
        catch (OciServiceException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            Line($"getting it again: {(int)e.StatusCode} {e.ServiceCode} (expected), opc-request-id {e.OpcRequestId}");
        }
    }

    private async Task RawRequestAsync(CancellationToken cancellationToken)
    {
        Step(6, "The same create as a raw request: HttpClient + OciSigningHandler, as in the OCI raw-request docs");
        string body = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["compartmentId"] = compartmentId,
            ["name"] = _prefix + "-raw",
            ["description"] = "Created with a raw signed request",
        }, SampleJsonContext.Default.DictionaryStringString);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await http.PostAsync("/20160918/users", content, cancellationToken);
        string text = await response.Content.ReadAsStringAsync(cancellationToken);
        Expect(response.IsSuccessStatusCode, $"the raw create failed: {(int)response.StatusCode} {text}");
        using JsonDocument user = JsonDocument.Parse(text);
        string id = user.RootElement.GetProperty("id").GetString()!;
        _created.Add(id);
        Line($"POST /20160918/users -> {(int)response.StatusCode} {response.StatusCode}, id {id}");
    }

    private async Task CleanUpAsync()
    {
        foreach (string id in _created.ToArray())
        {
            try
            {
                await _users.DeleteUserAsync(id);
                _created.Remove(id);
            }
            catch (Exception e) when (e is OciServiceException or HttpRequestException)
            {
                output.WriteLine($"   could not delete {id}: {e.Message}");
            }
        }
    }

    private void Step(int number, string title)
    {
        output.WriteLine();
        output.WriteLine($"{number}. {title}");
    }

    private void Line(string text) => output.WriteLine("   " + text);

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Sample check failed: " + what);
        }
    }
}
