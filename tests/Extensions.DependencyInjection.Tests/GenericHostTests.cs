using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OciRaw.Samples.IdentityUsers;
using OciRaw.Testing;

namespace OciRaw.Extensions.DependencyInjection.Tests;

/// <summary>The generic host (what ASP.NET Core builds on): configuration from the host, one signer across scopes.</summary>
public sealed class GenericHostTests
{
    [Fact]
    public async Task A_hosted_application_gets_its_clients_from_the_host_configuration_and_shares_one_signer_across_scopes()
    {
        await using OciEmulator emulator = await OciEmulator.StartAsync();
        TestTenancy tenancy = emulator.CreateTenancy();
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Oci:ConfigFile"] = tenancy.ConfigFile,
            ["Oci:Endpoint"] = emulator.BaseAddress.ToString(),
        });
        builder.Services.AddOciSigner(builder.Configuration.GetSection("Oci"));
        builder.Services.AddOciClient<IIdentityUsers>(builder.Configuration.GetSection("Oci"));

        using IHost host = builder.Build();
        OciSigner first;
        OciSigner second;
        using (IServiceScope scope = host.Services.CreateScope())
        {
            first = scope.ServiceProvider.GetRequiredService<OciSigner>();
            IIdentityUsers users = scope.ServiceProvider.GetRequiredService<IIdentityUsers>();
            User created = (await users.CreateUserAsync(new CreateUserDetails(tenancy.TenancyId, "hosted", "d"))).Data;
            Assert.Equal("hosted", (await users.GetUserAsync(created.Id)).Data.Name);
        }

        using (IServiceScope scope = host.Services.CreateScope())
        {
            second = scope.ServiceProvider.GetRequiredService<OciSigner>();
            // A typed client is transient: each resolution is a new client over the factory's pooled handlers.
            Assert.NotSame(scope.ServiceProvider.GetRequiredService<IIdentityUsers>(), scope.ServiceProvider.GetRequiredService<IIdentityUsers>());
        }

        Assert.Same(first, second);
        Assert.IsType<ApiKeySigner>(first);
        Assert.Empty(emulator.AuthenticationFailures);
    }
}
