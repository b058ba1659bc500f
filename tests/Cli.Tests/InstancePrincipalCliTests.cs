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
    private InstanceEnvironment _instance = null!;

    private OciEmulator Emulator => _instance.Emulator;

    public async Task InitializeAsync() => _instance = await InstanceEnvironment.StartAsync();

    public async Task DisposeAsync() => await _instance.DisposeAsync();

    [Fact]
    public async Task The_cli_sends_as_the_instance_and_never_prints_the_token()
    {
        string uri = new Uri(Emulator.BaseAddress, $"/20160918/users?compartmentId={Emulator.InstancePrincipals.TenancyId}").ToString();

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
        Assert.Empty(Emulator.AuthenticationFailures);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunCliAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exitCode = await CliApplication.RunAsync(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
