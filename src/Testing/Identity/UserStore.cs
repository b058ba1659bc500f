using System.Security.Cryptography;
using System.Text.Json;

namespace OciRaw.Testing;

/// <summary>
/// The Identity users of every emulated tenancy, with OCI's concurrency rules: <c>opc-retry-token</c> makes a create
/// idempotent for 24 hours, and updates and deletes honour <c>if-match</c>.
/// </summary>
internal sealed class UserStore(TimeProvider clock)
{
    public static readonly TimeSpan RetryTokenLifetime = TimeSpan.FromHours(24);

    private readonly object _gate = new();
    private readonly List<EmulatedUser> _users = [];
    private readonly Dictionary<(string Tenancy, string Token), (string BodyHash, string UserId, DateTimeOffset Expires)> _retryTokens = [];

    public enum CreateOutcome
    {
        Created,
        Replayed,
        RetryTokenConflict,
        RetryTokenOfDeletedUser,
        NameConflict,
    }

    public (CreateOutcome Outcome, EmulatedUser? User) Create(
        string tenancy, string compartmentId, string name, string description, string? email, JsonElement? freeformTags, JsonElement? definedTags,
        string? retryToken, byte[] body)
    {
        string bodyHash = Convert.ToHexString(SHA256.HashData(body));
        DateTimeOffset now = clock.GetUtcNow();
        lock (_gate)
        {
            if (retryToken is not null && _retryTokens.TryGetValue((tenancy, retryToken), out var previous) && previous.Expires > now)
            {
                if (previous.BodyHash != bodyHash)
                {
                    return (CreateOutcome.RetryTokenConflict, null);
                }

                // OCI may reject a retry whose resource was deleted since; creating another would break idempotency.
                EmulatedUser? original = _users.Find(u => u.Id == previous.UserId);
                return original is not null ? (CreateOutcome.Replayed, original) : (CreateOutcome.RetryTokenOfDeletedUser, null);
            }

            if (_users.Exists(u => u.CompartmentId == tenancy && u.Name == name))
            {
                return (CreateOutcome.NameConflict, null);
            }

            var user = new EmulatedUser(Ocids.New("user"), compartmentId, name, description, email, now, freeformTags, definedTags, NewETag());
            _users.Add(user);
            if (retryToken is not null)
            {
                _retryTokens[(tenancy, retryToken)] = (bodyHash, user.Id, now + RetryTokenLifetime);
            }

            return (CreateOutcome.Created, user);
        }
    }

    /// <summary>Adds the user a tenancy is created with: the owner of the tenancy's API key, listed and readable like any other.</summary>
    public EmulatedUser AddTenancyUser(string tenancy, string userId, string name, string description)
    {
        var user = new EmulatedUser(userId, tenancy, name, description, null, clock.GetUtcNow(), null, null, NewETag());
        lock (_gate)
        {
            _users.Add(user);
        }

        return user;
    }

    public EmulatedUser? Get(string tenancy, string userId)
    {
        lock (_gate)
        {
            return _users.Find(u => u.Id == userId && u.CompartmentId == tenancy);
        }
    }

    /// <summary>The users of a compartment that pass <paramref name="filter"/>, from <paramref name="offset"/>, and whether more follow.</summary>
    public (List<EmulatedUser> Page, bool More) List(string compartmentId, Func<EmulatedUser, bool> filter, int offset, int limit)
    {
        lock (_gate)
        {
            List<EmulatedUser> all = _users.FindAll(u => u.CompartmentId == compartmentId && filter(u));
            List<EmulatedUser> page = all.Skip(offset).Take(limit).ToList();
            return (page, offset + page.Count < all.Count);
        }
    }

    /// <summary>Replaces a user when <paramref name="ifMatch"/> is null or equals its etag.</summary>
    public (EmulatedUser? Current, bool EtagMatched) Update(string tenancy, string userId, string? ifMatch, Func<EmulatedUser, EmulatedUser> change)
    {
        lock (_gate)
        {
            int index = _users.FindIndex(u => u.Id == userId && u.CompartmentId == tenancy);
            if (index < 0)
            {
                return (null, true);
            }

            if (ifMatch is not null && ifMatch != _users[index].ETag)
            {
                return (_users[index], false);
            }

            _users[index] = change(_users[index]) with { ETag = NewETag() };
            return (_users[index], true);
        }
    }

    public (bool Found, bool EtagMatched) Delete(string tenancy, string userId, string? ifMatch)
    {
        lock (_gate)
        {
            int index = _users.FindIndex(u => u.Id == userId && u.CompartmentId == tenancy);
            if (index < 0)
            {
                return (false, true);
            }

            if (ifMatch is not null && ifMatch != _users[index].ETag)
            {
                return (true, false);
            }

            _users.RemoveAt(index);
            return (true, true);
        }
    }

    private static string NewETag() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
}
