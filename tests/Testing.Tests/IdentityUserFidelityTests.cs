using System.Net;
using System.Text.Json;
using OciRaw.Testing.Tests.TestSupport;

namespace OciRaw.Testing.Tests;

/// <summary>
/// The Identity User as OCI answers it (every member of the SDKs' User model, nulls written), and ListUsers' <c>name</c>
/// and <c>lifecycleState</c> filters: what the OCI Python SDK and CLI showed missing.
/// </summary>
public sealed class IdentityUserFidelityTests
{
    [Fact]
    public async Task A_user_has_every_member_of_OCI_User_model_with_email_null_when_there_is_none()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        using HttpResponseMessage response = await context.Http.GetAsync("/20160918/users/" + context.Tenancy.UserId);
        JsonElement user = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Null, user.GetProperty("email").ValueKind);
        Assert.False(user.GetProperty("emailVerified").GetBoolean());
        Assert.False(user.GetProperty("isMfaActivated").GetBoolean());
        foreach (string member in new[] { "identityProviderId", "externalIdentifier", "inactiveStatus", "lastSuccessfulLoginTime", "previousSuccessfulLoginTime", "dbUserName" })
        {
            Assert.True(user.TryGetProperty(member, out JsonElement value), $"'{member}' is missing from {user}");
            Assert.Equal(JsonValueKind.Null, value.ValueKind);
        }

        JsonElement capabilities = user.GetProperty("capabilities");
        Assert.Equal(
            ["canUseConsolePassword", "canUseApiKeys", "canUseAuthTokens", "canUseSmtpCredentials", "canUseDbCredentials", "canUseCustomerSecretKeys", "canUseOAuth2ClientCredentials"],
            capabilities.EnumerateObject().Select(p => p.Name));
        Assert.All(capabilities.EnumerateObject(), p => Assert.True(p.Value.GetBoolean()));
    }

    [Fact]
    public async Task ListUsers_filters_by_name_and_lifecycleState()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        await context.Users.CreateUserAsync(context.NewUserDetails("alice"));
        await context.Users.CreateUserAsync(context.NewUserDetails("bob"));
        string tenancy = context.Tenancy.TenancyId;

        Assert.Equal(["alice"], await NamesAsync(context, $"compartmentId={tenancy}&name=alice"));
        Assert.Empty(await NamesAsync(context, $"compartmentId={tenancy}&name=carol"));
        Assert.Equal([OciEmulator.TenancyUserName, "alice", "bob"], await NamesAsync(context, $"compartmentId={tenancy}&lifecycleState=ACTIVE"));
        Assert.Empty(await NamesAsync(context, $"compartmentId={tenancy}&lifecycleState=INACTIVE"));
        Assert.Equal(["bob"], await NamesAsync(context, $"compartmentId={tenancy}&lifecycleState=ACTIVE&name=bob"));
    }

    [Fact]
    public async Task ListUsers_with_an_unknown_lifecycleState_is_400_naming_the_allowed_values()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        using HttpResponseMessage response = await context.Http.GetAsync($"/20160918/users?compartmentId={context.Tenancy.TenancyId}&lifecycleState=SLEEPING");

        string message = await OciErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidParameter");
        Assert.Contains("SLEEPING", message);
        Assert.Contains("ACTIVE", message);
    }

    private static async Task<List<string>> NamesAsync(EmulatorContext context, string query)
    {
        using HttpResponseMessage response = await context.Http.GetAsync("/20160918/users?" + query);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.EnumerateArray().Select(u => u.GetProperty("name").GetString()!).ToList();
    }
}
