using OciRaw.Samples.IdentityUsers;

namespace OciRaw.Testing.Tests.TestSupport;

/// <summary>
/// Calls the Identity users API tests share: the users path, creating and listing users, reading a query value.
/// </summary>
internal static class IdentityUsersCalls
{
    internal const string UsersPath = "/20160918/users";

    internal static async Task<List<string>> CreateUsersAsync(EmulatorContext context, int count)
    {
        var ids = new List<string>();
        for (int i = 0; i < count; i++)
        {
            ids.Add((await context.Users.CreateUserAsync(context.NewUserDetails($"user-{i}"))).Data.Id);
        }

        return ids;
    }

    internal static async Task<List<User>> ListAllAsync(IIdentityUsers users, string compartmentId, int? limit = null)
    {
        var all = new List<User>();
        await foreach (User user in users.ListUsersAsync(compartmentId, limit))
        {
            all.Add(user);
        }

        return all;
    }

    internal static string? QueryValue(Uri uri, string name) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair[0] == name)
            .Select(pair => Uri.UnescapeDataString(pair[1]))
            .FirstOrDefault();

    internal static DateTimeOffset WholeMilliseconds(DateTimeOffset value) => new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMillisecond), value.Offset);
}
