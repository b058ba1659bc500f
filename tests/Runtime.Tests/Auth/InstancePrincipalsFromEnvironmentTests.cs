using System.Text.Json;
using OciRaw.Testing;

namespace OciRaw.Tests.Auth;

/// <summary>
/// A Cloud Shell style config profile finds the metadata and federation services through environment variables (the
/// CLI's <c>--auth instance_principal</c> is tested the same way in tests/Cli.Tests). They change process-wide
/// variables, so they run alone and restore them.
/// </summary>
[Collection(EnvironmentTestGroup.Name)]
public sealed class InstancePrincipalsFromEnvironmentTests : IAsyncLifetime
{
    private InstanceEnvironment _instance = null!;

    private OciEmulator Emulator => _instance.Emulator;

    public async Task InitializeAsync() => _instance = await InstanceEnvironment.StartAsync();

    public async Task DisposeAsync() => await _instance.DisposeAsync();

    [Fact]
    public async Task A_cloud_shell_profile_signs_as_the_instance_with_a_delegation_token()
    {
        string folder = Directory.CreateTempSubdirectory("ociraw-cloudshell-").FullName;
        try
        {
            string obo = Path.Combine(folder, "delegation_token");
            await File.WriteAllTextAsync(obo, "obo-token-value\n");
            string config = Path.Combine(folder, "config");
            await File.WriteAllTextAsync(config, $"[DEFAULT]\nauthentication_type = instance_principal\ndelegation_token_file = {obo}\nregion = us-ashburn-1\n");

            using var signer = (InstancePrincipalsSigner)OciSigner.FromConfig(OciConfig.FromFile(config));
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Emulator.BaseAddress, "/20160918/users"));
            OciSignature signature = await signer.SignAsync(request);

            Assert.Equal(Emulator.InstancePrincipals.TenancyId, signer.TenancyId);
            Assert.Equal("obo-token-value", request.Headers.GetValues("opc-obo-token").Single());
            Assert.Contains("opc-obo-token", signature.Authorization, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
