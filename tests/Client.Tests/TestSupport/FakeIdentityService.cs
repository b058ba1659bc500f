using System.Globalization;
using System.Net;
using System.Text.Json;

namespace OciRaw.Client.Tests.TestSupport;

/// <summary>
/// A tiny Identity users service behind the loopback server. Every request must first pass the independent wire
/// verifier (signature, x-content-sha256, content-length); a request that fails gets 401 NotAuthenticated with the
/// reason as the message, exactly where OCI would stop it.
/// </summary>
internal sealed class FakeIdentityService(WireSignatureVerifier verifier)
{
    public const string UsersPath = "/20160918/users";

    private readonly List<StoredUser> _users = [];
    private int _nextId;

    /// <summary>Reasons the verifier gave for the requests it refused.</summary>
    public List<string> Rejections { get; } = [];

    public sealed record StoredUser(string Id, string CompartmentId, string Name, string Description, string ETag);

    public StoredUser Add(string compartmentId, string name, string description)
    {
        lock (_users)
        {
            var user = new StoredUser($"ocid1.user.oc1..u{++_nextId}", compartmentId, name, description, $"etag-{_nextId}");
            _users.Add(user);
            return user;
        }
    }

    public IReadOnlyList<StoredUser> Users
    {
        get
        {
            lock (_users)
            {
                return _users.ToList();
            }
        }
    }

    public ServerResponse Respond(ArrivedRequest request)
    {
        if (verifier.Check(request) is { } problem)
        {
            lock (Rejections)
            {
                Rejections.Add(problem);
            }

            return Error(HttpStatusCode.Unauthorized, "NotAuthenticated", problem, request);
        }

        (string path, Dictionary<string, List<string>> query) = Split(request.Target);
        string? userId = path.StartsWith(UsersPath + "/", StringComparison.Ordinal) ? path[(UsersPath.Length + 1)..] : null;
        return (request.Method, path, userId) switch
        {
            ("POST", UsersPath, _) => Create(request),
            ("GET", UsersPath, _) => List(request, query),
            ("GET", _, { } id) => Get(request, id),
            ("DELETE", _, { } id) => Delete(request, id),
            _ => Error(HttpStatusCode.NotFound, "NotFound", $"No route for {request.Method} {request.Target}", request),
        };
    }

    private ServerResponse Create(ArrivedRequest request)
    {
        using JsonDocument body = JsonDocument.Parse(request.Body);
        JsonElement root = body.RootElement;
        StoredUser user = Add(root.GetProperty("compartmentId").GetString()!, root.GetProperty("name").GetString()!, root.GetProperty("description").GetString()!);
        return ServerResponse.Json(HttpStatusCode.OK, UserJson(user), ("etag", user.ETag), RequestIdEcho(request));
    }

    private ServerResponse Get(ArrivedRequest request, string id) =>
        Find(id) is { } user
            ? ServerResponse.Json(HttpStatusCode.OK, UserJson(user), ("etag", user.ETag), RequestIdEcho(request))
            : NotFound(request);

    private ServerResponse List(ArrivedRequest request, Dictionary<string, List<string>> query)
    {
        string compartment = query["compartmentId"].Single();
        int limit = query.TryGetValue("limit", out List<string>? l) ? int.Parse(l.Single(), CultureInfo.InvariantCulture) : 1000;
        int start = query.TryGetValue("page", out List<string>? p) ? int.Parse(p.Single(), CultureInfo.InvariantCulture) : 0;
        List<StoredUser> matching = Users.Where(u => u.CompartmentId == compartment).ToList();
        string body = "[" + string.Join(',', matching.Skip(start).Take(limit).Select(UserJson)) + "]";
        return start + limit < matching.Count
            ? ServerResponse.Json(HttpStatusCode.OK, body, RequestIdEcho(request), ("opc-next-page", (start + limit).ToString(CultureInfo.InvariantCulture)))
            : ServerResponse.Json(HttpStatusCode.OK, body, RequestIdEcho(request));
    }

    private ServerResponse Delete(ArrivedRequest request, string id)
    {
        if (Find(id) is not { } user)
        {
            return NotFound(request);
        }

        if (request.Header("if-match") is { } ifMatch && ifMatch != user.ETag)
        {
            return Error(HttpStatusCode.PreconditionFailed, "NoEtagMatch", "The if-match value does not match the user's etag.", request);
        }

        lock (_users)
        {
            _users.Remove(user);
        }

        return ServerResponse.Json(HttpStatusCode.NoContent, "", RequestIdEcho(request));
    }

    private StoredUser? Find(string escapedId) => Users.FirstOrDefault(u => u.Id == Uri.UnescapeDataString(escapedId));

    private static ServerResponse NotFound(ArrivedRequest request) =>
        Error(HttpStatusCode.NotFound, "NotAuthorizedOrNotFound", "Authorization failed or requested resource not found.", request);

    private static ServerResponse Error(HttpStatusCode status, string code, string message, ArrivedRequest request) =>
        ServerResponse.Json(status, JsonSerializer.Serialize(new Dictionary<string, string> { ["code"] = code, ["message"] = message }), RequestIdEcho(request));

    private static (string Name, string Value) RequestIdEcho(ArrivedRequest request) =>
        ("opc-request-id", request.Header("opc-request-id") ?? "none");

    private static string UserJson(StoredUser user) => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["id"] = user.Id,
        ["compartmentId"] = user.CompartmentId,
        ["name"] = user.Name,
        ["description"] = user.Description,
        ["timeCreated"] = "2026-01-02T03:04:05.678Z",
        ["lifecycleState"] = "ACTIVE",
    });

    private static (string Path, Dictionary<string, List<string>> Query) Split(string target)
    {
        int question = target.IndexOf('?', StringComparison.Ordinal);
        var query = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (question < 0)
        {
            return (target, query);
        }

        foreach (string pair in target[(question + 1)..].Split('&'))
        {
            string[] parts = pair.Split('=', 2);
            string name = Uri.UnescapeDataString(parts[0]);
            string value = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : "";
            if (!query.TryGetValue(name, out List<string>? values))
            {
                query[name] = values = [];
            }

            values.Add(value);
        }

        return (target[..question], query);
    }
}
