using System.Net;
using System.Security.Cryptography;
using OciRaw.Testing.Tests.TestSupport;
using static OciRaw.Testing.Tests.TestSupport.AuthenticationRequests;

namespace OciRaw.Testing.Tests;

/// <summary>
/// Only the key registered under a keyId's tenancy, user and fingerprint authenticates it.
/// </summary>
public sealed class SigningKeyTests
{
    [Fact]
    public async Task A_keyId_that_was_never_registered_is_rejected()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        using RSA key = SpareKeys.Unregistered();
        string keyId = $"{context.Tenancy.TenancyId}/{context.Tenancy.UserId}/00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff";
        HttpClient http = context.CreateHttp(new KeyIdSigner(keyId, key));

        using HttpResponseMessage response = await http.GetAsync(ListPath(context));

        await AssertRejectedAsync(context, response, ListRoute, $"unknown keyId '{keyId}'");
    }

    [Fact]
    public async Task The_registered_key_of_one_user_does_not_authenticate_under_another_tenancy_or_user()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        TestTenancy other = context.Emulator.CreateTenancy();
        using RSA key = RSA.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(context.Tenancy.KeyFile));

        // The right key and fingerprint, but a keyId naming the other tenancy (or the other user): OCI keys belong to one user.
        foreach (string keyId in new[]
                 {
                     $"{other.TenancyId}/{context.Tenancy.UserId}/{context.Tenancy.Fingerprint}",
                     $"{context.Tenancy.TenancyId}/{other.UserId}/{context.Tenancy.Fingerprint}",
                 })
        {
            using HttpResponseMessage response = await context.CreateHttp(new KeyIdSigner(keyId, key)).GetAsync(ListPath(context));
            await OciErrorAssert.IsNotAuthenticatedAsync(response);
            Assert.Contains(context.Emulator.AuthenticationFailures, f => f == $"{ListRoute}: unknown keyId '{keyId}'");
        }

        Assert.Equal(2, context.Emulator.AuthenticationFailures.Count);
    }

    [Fact]
    public async Task A_key_that_is_not_registered_is_rejected_even_with_its_own_correct_fingerprint()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        using RSA key = SpareKeys.Unregistered();
        var unregistered = ApiKeySigner.FromPem(context.Tenancy.TenancyId, context.Tenancy.UserId, Md5Fingerprint(key), key.ExportPkcs8PrivateKeyPem());

        using HttpResponseMessage response = await context.CreateHttp(unregistered).GetAsync(ListPath(context));

        await AssertRejectedAsync(context, response, ListRoute, $"unknown keyId '{unregistered.KeyId}'");
    }

    [Fact]
    public async Task Another_key_claiming_the_registered_keyId_is_rejected()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        using RSA impostor = SpareKeys.Unregistered();
        HttpClient http = context.CreateHttp(new KeyIdSigner(context.Tenancy.KeyId, impostor));

        using HttpResponseMessage response = await http.PostAsync(UsersRoute, Json(CreateBody(context, "mallory")));

        await AssertRejectedAsync(context, response, CreateRoute, "the RSA signature does not match");
        await AssertNoUserCreatedAsync(context);
    }

    [Fact]
    public async Task A_key_registered_with_RegisterApiKey_authenticates_and_is_the_tenancy_of_the_caller()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        using RSA second = SpareKeys.Other();
        string fingerprint = context.Emulator.RegisterApiKey(context.Tenancy.TenancyId, context.Tenancy.UserId, second);
        Assert.Equal(Md5Fingerprint(second), fingerprint);
        var signer = ApiKeySigner.FromPem(context.Tenancy.TenancyId, context.Tenancy.UserId, fingerprint, second.ExportPkcs8PrivateKeyPem());

        using HttpResponseMessage response = await context.CreateHttp(signer).GetAsync(ListPath(context));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(context.Emulator.AuthenticationFailures);
    }
}
