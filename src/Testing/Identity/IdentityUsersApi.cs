using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OciRaw.Testing;

/// <summary>
/// <c>/20160918/users</c> as OCI Identity serves it: create (idempotent with <c>opc-retry-token</c>), get, list with
/// <c>limit</c>/<c>page</c> and <c>opc-next-page</c>, update and delete with <c>if-match</c>.
/// </summary>
internal sealed class IdentityUsersApi(UserStore store)
{
    public const string Collection = "/20160918/users";
    public const string Item = "/20160918/users/{userId}";
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    /// <summary>The route template a path belongs to, or null.</summary>
    public static string? Match(PathString path, out string? userId)
    {
        userId = null;
        string value = path.Value ?? string.Empty;
        if (value == Collection)
        {
            return Collection;
        }

        if (value.StartsWith(Collection + "/", StringComparison.Ordinal) && value.Length > Collection.Length + 1 && value.IndexOf('/', Collection.Length + 1) < 0)
        {
            userId = value[(Collection.Length + 1)..];
            return Item;
        }

        return null;
    }

    public Task HandleAsync(HttpContext context, string template, string? userId, string tenancy, byte[] body) => (template, context.Request.Method) switch
    {
        (Collection, "POST") => CreateAsync(context, tenancy, body),
        (Collection, "GET") => ListAsync(context, tenancy),
        (Item, "GET") => GetAsync(context, tenancy, userId!),
        (Item, "PUT") => UpdateAsync(context, tenancy, userId!, body),
        (Item, "DELETE") => DeleteAsync(context, tenancy, userId!),
        _ => MethodNotAllowed(context, template),
    };

    /// <summary>405 with the <c>Allow</c> header HTTP requires of it.</summary>
    private static Task MethodNotAllowed(HttpContext context, string template)
    {
        context.Response.Headers.Allow = template == Collection ? "GET, POST" : "GET, PUT, DELETE";
        return OciError.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed", $"{context.Request.Method} is not allowed on {template}.");
    }

    private async Task CreateAsync(HttpContext context, string tenancy, byte[] body)
    {
        if (!RequestJson.TryParseObject(body, out JsonElement details))
        {
            await OciError.CannotParseRequest(context).ConfigureAwait(false);
            return;
        }

        var missing = new List<string>();
        string? compartmentId = RequestJson.RequiredString(details, "compartmentId", missing);
        string? name = RequestJson.RequiredString(details, "name", missing);
        string? description = RequestJson.RequiredString(details, "description", missing);
        if (missing.Count > 0)
        {
            await OciError.WriteAsync(context, StatusCodes.Status400BadRequest, "InvalidParameter",
                $"Missing or empty required field(s): {string.Join(", ", missing)}.").ConfigureAwait(false);
            return;
        }

        if (compartmentId != tenancy && Ocids.IsTenancy(compartmentId!))
        {
            // Another account's root compartment: OCI does not tell "not yours" from "does not exist".
            await OciError.NotFound(context).ConfigureAwait(false);
            return;
        }

        if (compartmentId != tenancy)
        {
            await OciError.WriteAsync(context, StatusCodes.Status400BadRequest, "InvalidParameter",
                "Users are created in the tenancy (root compartment): compartmentId must be the tenancy OCID.").ConfigureAwait(false);
            return;
        }

        (UserStore.CreateOutcome outcome, EmulatedUser? user) = store.Create(
            tenancy, compartmentId!, name!, description!, RequestJson.OptionalString(details, "email"), RequestJson.OptionalObject(details, "freeformTags"),
            RequestJson.OptionalObject(details, "definedTags"), context.Request.Headers["opc-retry-token"].FirstOrDefault(), body);
        switch (outcome)
        {
            case UserStore.CreateOutcome.RetryTokenConflict:
                await OciError.WriteAsync(context, StatusCodes.Status409Conflict, "Conflict",
                    "The opc-retry-token was already used with a different request body.").ConfigureAwait(false);
                return;
            case UserStore.CreateOutcome.RetryTokenOfDeletedUser:
                await OciError.WriteAsync(context, StatusCodes.Status409Conflict, "Conflict",
                    "The user created with this opc-retry-token has been deleted since; send a new retry token to create another.").ConfigureAwait(false);
                return;
            case UserStore.CreateOutcome.NameConflict:
                await OciError.WriteAsync(context, StatusCodes.Status409Conflict, "Conflict", $"A user named '{name}' already exists.").ConfigureAwait(false);
                return;
            default:
                await WriteUserAsync(context, user!).ConfigureAwait(false);
                return;
        }
    }

    private async Task GetAsync(HttpContext context, string tenancy, string userId)
    {
        if (store.Get(tenancy, userId) is { } user)
        {
            await WriteUserAsync(context, user).ConfigureAwait(false);
        }
        else
        {
            await OciError.NotFound(context).ConfigureAwait(false);
        }
    }

    private async Task ListAsync(HttpContext context, string tenancy)
    {
        string? compartmentId = context.Request.Query["compartmentId"].FirstOrDefault();
        if (string.IsNullOrEmpty(compartmentId))
        {
            await OciError.WriteAsync(context, StatusCodes.Status400BadRequest, "MissingParameter", "The compartmentId query parameter is required.").ConfigureAwait(false);
            return;
        }

        int limit = DefaultLimit;
        if (context.Request.Query["limit"].FirstOrDefault() is { } limitText
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxLimit))
        {
            await OciError.WriteAsync(context, StatusCodes.Status400BadRequest, "InvalidParameter", $"limit must be between 1 and {MaxLimit}.").ConfigureAwait(false);
            return;
        }

        int offset = 0;
        if (context.Request.Query["page"].FirstOrDefault() is { } page && !PageToken.TryRead(page, out offset))
        {
            await OciError.WriteAsync(context, StatusCodes.Status400BadRequest, "InvalidParameter", "The page token is not valid.").ConfigureAwait(false);
            return;
        }

        string? lifecycleState = context.Request.Query["lifecycleState"].FirstOrDefault();
        if (lifecycleState is not null && !EmulatedUser.LifecycleStates.Contains(lifecycleState, StringComparer.Ordinal))
        {
            await OciError.WriteAsync(context, StatusCodes.Status400BadRequest, "InvalidParameter",
                $"lifecycleState '{lifecycleState}' is not one of {string.Join(", ", EmulatedUser.LifecycleStates)}.").ConfigureAwait(false);
            return;
        }

        if (compartmentId != tenancy)
        {
            // Users live in the root compartment only, and another account's compartments are invisible: either way the
            // compartment is not there for this caller.
            await OciError.NotFound(context).ConfigureAwait(false);
            return;
        }

        string? name = context.Request.Query["name"].FirstOrDefault();
        Func<EmulatedUser, bool> filter = user => (name is null || user.Name == name)
            && (lifecycleState is null || lifecycleState == EmulatedUser.LifecycleState);
        (List<EmulatedUser> users, bool more) = store.List(compartmentId, filter, offset, limit);
        if (more)
        {
            context.Response.Headers["opc-next-page"] = PageToken.Write(offset + users.Count);
        }

        await EmulatorJson.WriteAsync(context, writer =>
        {
            writer.WriteStartArray();
            foreach (EmulatedUser user in users)
            {
                user.WriteTo(writer);
            }

            writer.WriteEndArray();
        }).ConfigureAwait(false);
    }

    private async Task UpdateAsync(HttpContext context, string tenancy, string userId, byte[] body)
    {
        if (!RequestJson.TryParseObject(body, out JsonElement details))
        {
            await OciError.CannotParseRequest(context).ConfigureAwait(false);
            return;
        }

        (EmulatedUser? user, bool matched) = store.Update(tenancy, userId, IfMatch(context), current => current with
        {
            Description = RequestJson.OptionalString(details, "description") ?? current.Description,
            Email = RequestJson.OptionalString(details, "email") ?? current.Email,
            FreeformTags = RequestJson.OptionalObject(details, "freeformTags") ?? current.FreeformTags,
            DefinedTags = RequestJson.OptionalObject(details, "definedTags") ?? current.DefinedTags,
        });
        if (user is null)
        {
            await OciError.NotFound(context).ConfigureAwait(false);
        }
        else if (!matched)
        {
            await PreconditionFailed(context).ConfigureAwait(false);
        }
        else
        {
            await WriteUserAsync(context, user).ConfigureAwait(false);
        }
    }

    private async Task DeleteAsync(HttpContext context, string tenancy, string userId)
    {
        (bool found, bool matched) = store.Delete(tenancy, userId, IfMatch(context));
        if (!found)
        {
            await OciError.NotFound(context).ConfigureAwait(false);
        }
        else if (!matched)
        {
            await PreconditionFailed(context).ConfigureAwait(false);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }
    }

    private static Task PreconditionFailed(HttpContext context) =>
        OciError.WriteAsync(context, StatusCodes.Status412PreconditionFailed, "NoEtagMatch", "The if-match etag does not match the resource's current etag.");

    private static string? IfMatch(HttpContext context) => context.Request.Headers.IfMatch.FirstOrDefault();

    private static Task WriteUserAsync(HttpContext context, EmulatedUser user)
    {
        context.Response.Headers.ETag = user.ETag;
        return EmulatorJson.WriteAsync(context, user.WriteTo);
    }

    /// <summary>Opaque page tokens: clients must not parse them, so they are not plain numbers.</summary>
    private static class PageToken
    {
        private const string Prefix = "emu-page-";

        public static string Write(int offset) => Prefix + Convert.ToBase64String(Encoding.ASCII.GetBytes(offset.ToString(CultureInfo.InvariantCulture)));

        public static bool TryRead(string token, out int offset)
        {
            offset = 0;
            if (!token.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return false;
            }

            try
            {
                string text = Encoding.ASCII.GetString(Convert.FromBase64String(token[Prefix.Length..]));
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out offset);
            }
            catch (FormatException)
            {
                return false;
            }
        }
    }
}
