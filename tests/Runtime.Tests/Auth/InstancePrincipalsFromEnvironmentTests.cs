using System.Text.Json;
using OciRaw.Cli;
using OciRaw.Testing;

namespace OciRaw.Tests.Auth;

/// <summary>
/// The paths that find the metadata and federation services through environment variables: <c>ociraw raw-request
/// --auth instance_principal</c> and a Cloud Shell style config profile. They change process-wide variables, so they
/// run alone and restore them.
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
    public async Task The_cli_sends_as_the_instance_and_never_prints_the_token()
    {
        string uri = new Uri(_emulator.BaseAddress, $"/20160918/users?compartmentId={_emulator.InstancePrincipals.TenancyId}").ToString();

        (int exitCode, string stdout, string stderr) = await RunCliAsync("raw-request", "--http-method", "GET", "--target-uri", uri, "--auth", "instance_principal");
        (int dryExit, string dryOut, _) = await RunCliAsync("raw-request", "--http-method", "GET", "--target-uri", uri, "--auth", "instance_principal", "--dry-run");

        Assert.True(exitCode == 0, stderr);
        using JsonDocument output = JsonDocument.Parse(stdout);
        Assert.Equal("200 OK", output.RootElement.GetProperty("status").GetString());
        Assert.Equal(0, dryExit);
        using JsonDocument dry = JsonDocument.Parse(dryOut);
        string authorization = dry.RootElement.GetProperty("headers").GetProperty("authorization").GetString()!;
        Assert.Contains("keyId=\"ST$<redacted>\"", authorization, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", dryOut + stdout + stderr, StringComparison.Ordinal); // no JWT anywhere
        Assert.Empty(_emulator.AuthenticationFailures);
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

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunCliAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exitCode = await CliApplication.RunAsync(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
