using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OciRaw.Testing.Tests.TestSupport;

/// <summary>
/// What the authentication tests share: the users routes, request bodies, ways to tamper with a signed request, and the
/// check that a request was rejected as OCI rejects it (401 NotAuthenticated, the reason kept by the emulator).
/// </summary>
internal static class AuthenticationRequests
{
    internal const string UsersRoute = "/20160918/users";
    internal const string ListRoute = "GET /20160918/users";
    internal const string CreateRoute = "POST /20160918/users";

    internal static async Task AssertRejectedAsync(EmulatorContext context, HttpResponseMessage response, string route, string reason)
    {
        await OciErrorAssert.IsNotAuthenticatedAsync(response);
        Assert.True(response.Headers.Contains("opc-request-id"), "A 401 must carry an opc-request-id.");
        string failure = Assert.Single(context.Emulator.AuthenticationFailures);
        Assert.StartsWith(route + ": ", failure, StringComparison.Ordinal);
        Assert.Contains(reason, failure, StringComparison.Ordinal);
    }

    internal static string ListPath(EmulatorContext context) => $"{UsersRoute}?compartmentId={context.Tenancy.TenancyId}";

    internal static string CreateBody(EmulatorContext context, string name, string description = "a user") =>
        $$"""{"compartmentId":"{{context.Tenancy.TenancyId}}","name":"{{name}}","description":"{{description}}"}""";

    internal static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>The tenancy still has only the user it was created with.</summary>
    internal static async Task AssertNoUserCreatedAsync(EmulatorContext context)
    {
        var names = new List<string>();
        await foreach (Samples.IdentityUsers.User user in context.Users.ListUsersAsync(context.Tenancy.TenancyId))
        {
            names.Add(user.Name);
        }

        Assert.Equal([OciEmulator.TenancyUserName], names);
    }

    internal static void SetHeader(HttpRequestMessage request, string name, string value)
    {
        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
    }

    internal static string ReplaceSignature(string authorization, string signature)
    {
        int start = authorization.IndexOf("signature=\"", StringComparison.Ordinal) + "signature=\"".Length;
        return authorization[..start] + signature + authorization[authorization.IndexOf('"', start)..];
    }

    /// <summary>Puts other bytes under the signed request, keeping its content headers (Content-Length follows the new bytes).</summary>
    internal static Task ReplaceBodyAsync(HttpRequestMessage request, byte[] body)
    {
        HttpContent original = request.Content!;
        var replacement = new ByteArrayContent(body);
        foreach (KeyValuePair<string, IEnumerable<string>> header in original.Headers.Where(h => h.Key != "Content-Length"))
        {
            replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        request.Content = replacement;
        return Task.CompletedTask;
    }

    internal static string Md5Fingerprint(RSA key)
    {
#pragma warning disable CA5351 // OCI's fingerprint is MD5 of the public key.
        return string.Join(':', MD5.HashData(key.ExportSubjectPublicKeyInfo()).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
#pragma warning restore CA5351
    }
}
