using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OciRaw.Samples.IdentityUsers;
using OciRaw.Testing;

namespace OciRaw.Extensions.DependencyInjection.Tests;

/// <summary>
/// <c>"Auth": "InstancePrincipal"</c>: the container's signer gets its token from the emulator's metadata and federation
/// services, logs the refresh, and is disposed with the container.
/// </summary>
public sealed class InstancePrincipalTests
{
    [Fact]
    public async Task An_instance_principal_client_from_the_container_creates_a_user_in_the_instance_tenancy()
    {
        await using OciEmulator emulator = await OciEmulator.StartAsync();
        EmulatedInstancePrincipals instance = emulator.InstancePrincipals;
        var wire = new WireTapHandler();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        var oci = TestConfiguration.Oci(
            ("Auth", "InstancePrincipal"),
            ("InstancePrincipal:MetadataBaseAddress", instance.MetadataBaseAddress.ToString()),
            ("InstancePrincipal:FederationEndpoint", instance.FederationEndpoint.ToString()),
            ("Endpoint", emulator.BaseAddress.ToString()));
        services.AddOciSigner(oci);
        services.AddOciClient<IIdentityUsers>(oci).ConfigurePrimaryHttpMessageHandler(() => wire);

        InstancePrincipalsSigner signer;
        FakeLogCollector logs;
        await using (ServiceProvider provider = services.BuildServiceProvider())
        {
            signer = Assert.IsType<InstancePrincipalsSigner>(provider.GetRequiredService<OciSigner>());
            logs = provider.GetFakeLogCollector();
            User user = (await provider.GetRequiredService<IIdentityUsers>().CreateUserAsync(new CreateUserDetails(instance.TenancyId, "from-instance", "d"))).Data;
            Assert.Equal(instance.TenancyId, user.CompartmentId);
        }

        Assert.Empty(emulator.AuthenticationFailures);
        Assert.StartsWith("ST$", wire.Sent[0].AuthorizationParameter("keyId"), StringComparison.Ordinal);
        // The container disposed the signer it created.
        await Assert.ThrowsAsync<ObjectDisposedException>(() => signer.RefreshSecurityTokenAsync());

        FakeLogRecord refreshed = Assert.Single(logs.GetSnapshot(), r => r.Id.Name == "OciTokenRefreshed");
        Assert.Equal(OciLoggingObserver.AuthCategory, refreshed.Category);
        Assert.Equal("instance_principal", refreshed.GetStructuredStateValue("Signer"));
        Assert.Equal(1, instance.IssuedTokenCount);
        string token = wire.Sent[0].AuthorizationParameter("keyId")["ST$".Length..];
        SecretAssert.NotIn(logs.GetSnapshot().Select(LogText.Of), [token, wire.Sent[0].AuthorizationParameter("signature")]);
    }
}
