using System.Text.Json;
using OciRaw.Cli;
using OciRaw.Testing;

namespace OciRaw.Tests;

/// <summary>
/// <c>ociraw raw-request --auth instance_principal</c> finds the metadata and federation services through environment
/// variables. They change process-wide variables, so the test runs alone and restores them.
/// </summary>
[Collection(EnvironmentTestGroup.Name)]
public sealed class InstancePrincipalCliTests : IAsyncLifetime
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

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunCliAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exitCode = await CliApplication.RunAsync(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
