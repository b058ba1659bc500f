using System.Net;
using OciRaw.Samples.IdentityUsers;
using OciRaw.Testing.Tests.TestSupport;
using static OciRaw.Testing.Tests.TestSupport.IdentityUsersCalls;

namespace OciRaw.Testing.Tests;

/// <summary>
/// Each tenancy of the emulator sees only its own users, names and retry tokens, whatever the request claims.
/// </summary>
public sealed class TenancyIsolationTests
{
    [Fact]
    public async Task A_user_of_one_tenancy_does_not_exist_for_another()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        (TestTenancy otherTenancy, _, IIdentityUsers other) = context.CreateOtherTenancy();
        OciResponse<User> mine = await context.Users.CreateUserAsync(context.NewUserDetails("private"));

        OciServiceException get = await Assert.ThrowsAsync<OciServiceException>(() => other.GetUserAsync(mine.Data.Id));
        OciServiceException getOwner = await Assert.ThrowsAsync<OciServiceException>(() => other.GetUserAsync(context.Tenancy.UserId));
        OciServiceException update = await Assert.ThrowsAsync<OciServiceException>(
            () => other.UpdateUserAsync(mine.Data.Id, new UpdateUserDetails { Description = "hijacked" }));
        OciServiceException delete = await Assert.ThrowsAsync<OciServiceException>(() => other.DeleteUserAsync(mine.Data.Id));

        foreach (OciServiceException e in new[] { get, getOwner, update, delete })
        {
            Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
            Assert.Equal("NotAuthorizedOrNotFound", e.ServiceCode);
        }

        OciResponse<User> stillMine = await context.Users.GetUserAsync(mine.Data.Id);
        Assert.Equal(mine.ETag, stillMine.ETag);
        Assert.Equal("created by a test", stillMine.Data.Description);
        Assert.Equal([otherTenancy.UserId], (await ListAllAsync(other, otherTenancy.TenancyId)).Select(u => u.Id));
    }

    [Fact]
    public async Task A_tenancy_cannot_list_or_create_users_in_another_tenancy()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        (_, HttpClient otherHttp, IIdentityUsers other) = context.CreateOtherTenancy();
        await context.Users.CreateUserAsync(context.NewUserDetails("private"));

        using HttpResponseMessage listed = await otherHttp.GetAsync($"{UsersPath}?compartmentId={context.Tenancy.TenancyId}");
        OciServiceException create = await Assert.ThrowsAsync<OciServiceException>(() => other.CreateUserAsync(context.NewUserDetails("intruder")));

        string text = await listed.Content.ReadAsStringAsync();
        Assert.DoesNotContain("private", text, StringComparison.Ordinal);
        Assert.DoesNotContain(context.Tenancy.UserId, text, StringComparison.Ordinal);
        await OciErrorAssert.IsErrorAsync(listed, HttpStatusCode.NotFound, "NotAuthorizedOrNotFound");
        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        Assert.Equal("NotAuthorizedOrNotFound", create.ServiceCode);
        Assert.DoesNotContain(await ListAllAsync(context.Users, context.Tenancy.TenancyId), u => u.Name == "intruder");
    }

    [Theory]
    [InlineData("xkeyId")]
    [InlineData("KeyId")]
    [InlineData("keyIdx")]
    public async Task An_extra_Authorization_parameter_naming_another_tenancy_does_not_switch_tenancy(string parameter)
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        OciResponse<User> victim = await context.Users.CreateUserAsync(context.NewUserDetails("victim"));
        (TestTenancy attacker, _, _) = context.CreateOtherTenancy();
        // The attacker signs correctly with its own key, then (Authorization itself is never signed) puts a parameter
        // whose name merely contains "keyId" and whose value names the victim's tenancy in front of the real keyId.
        HttpClient http = context.CreateHttp(OciSigner.FromConfig(OciConfig.FromFile(attacker.ConfigFile)), request =>
        {
            string authorization = request.Headers.Authorization!.ToString();
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization",
                authorization.Replace("Signature ", $"Signature {parameter}=\"{context.Tenancy.TenancyId}/x/y\",", StringComparison.Ordinal));
            return Task.CompletedTask;
        });

        using HttpResponseMessage get = await http.GetAsync($"{UsersPath}/{victim.Data.Id}");
        using HttpResponseMessage delete = await http.DeleteAsync($"{UsersPath}/{victim.Data.Id}");

        await OciErrorAssert.IsErrorAsync(get, HttpStatusCode.NotFound, "NotAuthorizedOrNotFound");
        await OciErrorAssert.IsErrorAsync(delete, HttpStatusCode.NotFound, "NotAuthorizedOrNotFound");
        Assert.Equal(victim.ETag, (await context.Users.GetUserAsync(victim.Data.Id)).ETag);
    }

    [Fact]
    public async Task Names_and_retry_tokens_are_per_tenancy()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        (TestTenancy otherTenancy, _, IIdentityUsers other) = context.CreateOtherTenancy();

        OciResponse<User> a = await context.Users.CreateUserAsync(context.NewUserDetails("same-name"), retryToken: "shared-token");
        OciResponse<User> b = await other.CreateUserAsync(new CreateUserDetails(otherTenancy.TenancyId, "same-name", "created by a test"), retryToken: "shared-token");

        Assert.NotEqual(a.Data.Id, b.Data.Id);
        Assert.Equal(otherTenancy.TenancyId, b.Data.CompartmentId);
    }
}
