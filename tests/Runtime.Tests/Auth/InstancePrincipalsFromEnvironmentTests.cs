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
    private OciEmulator _emulator = null!;
    private string? _savedMetadata;
    private string? _savedFederation;

    public async Task InitializeAsync()
    {
        _emulator = await OciEmulator.StartAsync();
        _savedMetadata = Environment.GetEnvironmentVariable(InstancePrincipalsSignerOptions.MetadataBaseUrlVariable);
        _savedFederation = Environment.GetEnvironmentVariable(InstancePrincipalsSignerOptions.FederationUrlVariable);
        Environment.SetEnvironmentVariable(InstancePrincipalsSignerOptions.MetadataBaseUrlVariable, _emulator.InstancePrincipals.MetadataBaseAddress.ToString());
        Environment.SetEnvironmentVariable(InstancePrincipalsSignerOptions.FederationUrlVariable, _emulator.BaseAddress.ToString());
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(InstancePrincipalsSignerOptions.MetadataBaseUrlVariable, _savedMetadata);
        Environment.SetEnvironmentVariable(InstancePrincipalsSignerOptions.FederationUrlVariable, _savedFederation);
        await _emulator.DisposeAsync();
    }

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
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_emulator.BaseAddress, "/20160918/users"));
            OciSignature signature = await signer.SignAsync(request);

            Assert.Equal(_emulator.InstancePrincipals.TenancyId, signer.TenancyId);
            Assert.Equal("obo-token-value", request.Headers.GetValues("opc-obo-token").Single());
            Assert.Contains("opc-obo-token", signature.Authorization, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
