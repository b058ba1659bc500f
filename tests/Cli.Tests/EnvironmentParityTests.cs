using System.Text.Json;
using OciRaw.Cli;

namespace OciRaw.Tests;

/// <summary>
/// The OCI CLI's environment variables and rc file through ociraw, against the emulator. Recorded behaviour:
/// src/oci_cli/cli_root.py (profile: --profile, else OCI_CLI_PROFILE, else default_profile of the rc file; OCI_CLI_AUTH,
/// an invalid value is an error; the rc file from --cli-rc-file, else OCI_CLI_RC_FILE), cli_root.read_values_from_env
/// (OCI_CLI_CONFIG_FILE), cli_util.build_config and is_config_valid_from_env (OCI_CLI_USER, _TENANCY, _FINGERPRINT and
/// _KEY_FILE or _KEY_CONTENT replace the config file), cli_util.FilePermissionChecker (config and key file warnings,
/// silenced only by OCI_CLI_SUPPRESS_FILE_PERMISSIONS_WARNING=True).
/// </summary>
[Collection(EnvironmentTestGroup.Name)]
public sealed class EnvironmentParityTests : IAsyncLifetime
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly EnvironmentVariables _environment = new();
    private readonly TempDirectory _folder = new();
    private EmulatorFixture _fixture = null!;

    public async Task InitializeAsync()
    {
        _fixture = await EmulatorFixture.StartAsync();
        foreach (string name in new[] { CliEnvironment.Profile, CliEnvironment.ConfigFile, CliEnvironment.RcFile, CliEnvironment.Auth, CliEnvironment.User, CliEnvironment.Tenancy,
            CliEnvironment.Fingerprint, CliEnvironment.KeyFile, CliEnvironment.KeyContent, CliEnvironment.PassPhrase, CliEnvironment.SuppressFilePermissionsWarning })
        {
            _environment.Set(name, null);
        }

        _environment.Set("HOME", _folder.Root); // no ~/.oci/config or ~/.oci/oci_cli_rc of the machine
    }

    public async Task DisposeAsync()
    {
        _environment.Dispose();
        _folder.Dispose();
        await _fixture.DisposeAsync();
    }

    private string FederationEndpoint => new Uri(_fixture.Emulator.BaseAddress, "/v1/x509").ToString();

    private string UserUri => _fixture.UserUri(_fixture.Tenancy.UserId);

    [Fact]
    public async Task OCI_CLI_PROFILE_and_the_rc_default_profile_choose_the_profile_and_profile_wins()
    {
        string config = ProfileOnlyConfig("parity");
        string rc = _folder.Write("oci_cli_rc", "[OCI_CLI_SETTINGS]\ndefault_profile = parity\n");

        CliResult withoutProfile = await RunAsync("--config-file", config);
        _environment.Set(CliEnvironment.RcFile, rc);
        CliResult fromRc = await RunAsync("--config-file", config);
        _environment.Set(CliEnvironment.RcFile, null).Set(CliEnvironment.Profile, "parity");
        CliResult fromEnvironment = await RunAsync("--config-file", config);
        _environment.Set(CliEnvironment.Profile, "nope");
        CliResult optionWins = await RunAsync("--config-file", config, "--profile", "parity");

        Assert.Equal(2, withoutProfile.ExitCode);
        Assert.Contains("profile [DEFAULT] was not found", withoutProfile.Stderr, StringComparison.Ordinal);
        Assert.All(new[] { fromRc, fromEnvironment, optionWins }, result => Assert.True(result.ExitCode == 0 && result.Json().GetProperty("status").GetString() == "200 OK", result.ToString()));
    }

    [Fact]
    public async Task OCI_CLI_CONFIG_FILE_names_the_config_file()
    {
        _environment.Set(CliEnvironment.ConfigFile, _fixture.Tenancy.ConfigFile);

        CliResult result = await RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task OCI_CLI_AUTH_is_read_and_checked()
    {
        _environment.Set(CliEnvironment.ConfigFile, _fixture.Tenancy.ConfigFile).Set(CliEnvironment.Auth, "bogus");
        CliResult bogus = await RunAsync();
        _environment.Set(CliEnvironment.Auth, "security_token");
        CliResult token = await RunAsync();

        Assert.Equal(2, bogus.ExitCode);
        Assert.Contains("OCI_CLI_AUTH 'bogus' is not one of api_key", bogus.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, token.ExitCode);
        Assert.Contains("--auth security_token needs a profile with security_token_file", token.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_key_variables_work_without_a_config_file()
    {
        string keyFile = _folder.Write("key.pem", File.ReadAllText(_fixture.Tenancy.KeyFile), OwnerOnly);
        string pem = File.ReadAllText(keyFile);
        _environment.Set(CliEnvironment.ConfigFile, _folder.PathOf("no-such-config"))
            .Set(CliEnvironment.User, _fixture.Tenancy.UserId)
            .Set(CliEnvironment.Tenancy, _fixture.Tenancy.TenancyId)
            .Set(CliEnvironment.Fingerprint, _fixture.Tenancy.Fingerprint)
            .Set(CliEnvironment.KeyFile, keyFile);

        CliResult fromKeyFile = await RunAsync();
        _environment.Set(CliEnvironment.KeyFile, null).Set(CliEnvironment.KeyContent, pem);
        CliResult fromKeyContent = await RunAsync("--debug");

        Assert.True(fromKeyFile.ExitCode == 0 && fromKeyFile.Json().GetProperty("status").GetString() == "200 OK", fromKeyFile.ToString());
        Assert.True(fromKeyContent.ExitCode == 0 && fromKeyContent.Json().GetProperty("status").GetString() == "200 OK", fromKeyContent.ToString());
        string keyBody = pem.Split('\n')[1];
        Assert.DoesNotContain(keyBody, fromKeyContent.Stdout + fromKeyContent.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Variables_override_the_profile_keys()
    {
        string config = _folder.Write("config", $"[DEFAULT]\nuser=ocid1.user.oc1..notthisone\nfingerprint={_fixture.Tenancy.Fingerprint}\nkey_file={_fixture.Tenancy.KeyFile}\ntenancy={_fixture.Tenancy.TenancyId}\n", OwnerOnly);

        CliResult fromProfile = await RunAsync("--config-file", config);
        _environment.Set(CliEnvironment.User, _fixture.Tenancy.UserId);
        CliResult overridden = await RunAsync("--config-file", config);

        Assert.Equal("401 Unauthorized", fromProfile.Json().GetProperty("status").GetString());
        Assert.True(overridden.ExitCode == 0 && overridden.Json().GetProperty("status").GetString() == "200 OK", overridden.ToString());
    }

    [Fact]
    public async Task Open_config_and_key_files_draw_the_oci_warning_unless_suppressed()
    {
        string key = _folder.Write("open.pem", File.ReadAllText(_fixture.Tenancy.KeyFile), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        string config = _folder.Write("open-config", $"[DEFAULT]\nuser={_fixture.Tenancy.UserId}\nfingerprint={_fixture.Tenancy.Fingerprint}\nkey_file={key}\ntenancy={_fixture.Tenancy.TenancyId}\n",
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        CliResult warned = await RunAsync("--config-file", config);
        _environment.Set(CliEnvironment.SuppressFilePermissionsWarning, "true");
        CliResult lowercase = await RunAsync("--config-file", config);
        _environment.Set(CliEnvironment.SuppressFilePermissionsWarning, "True");
        CliResult suppressed = await RunAsync("--config-file", config);

        Assert.True(warned.ExitCode == 0, warned.ToString());
        Assert.Contains(OciCliRecording.PermissionWarning(config), warned.Stderr, StringComparison.Ordinal);
        Assert.Contains(OciCliRecording.PermissionWarning(key), warned.Stderr, StringComparison.Ordinal);
        Assert.Contains(OciCliRecording.PermissionWarning(config), lowercase.Stderr, StringComparison.Ordinal); // only "True" silences it
        Assert.Empty(suppressed.Stderr);
        Assert.Equal("200 OK", suppressed.Json().GetProperty("status").GetString());
    }

    [Fact]
    public async Task Instance_obo_user_signs_with_the_delegation_token_through_the_federation_endpoint()
    {
        string token = _folder.Write("delegation_token", "obo-secret-token\n", OwnerOnly);
        _environment.Set(InstancePrincipalsSignerOptions.MetadataBaseUrlVariable, _fixture.Emulator.InstancePrincipals.MetadataBaseAddress.ToString())
            .Set(CliEnvironment.DelegationTokenFile, token);
        string uri = new Uri(_fixture.Emulator.BaseAddress, $"/20160918/users?compartmentId={_fixture.Emulator.InstancePrincipals.TenancyId}").ToString();

        CliResult dry = await CliRunner.RunAsync("raw-request", "--http-method", "GET", "--target-uri", uri, "--auth", "instance_obo_user",
            "--federation-endpoint", FederationEndpoint, "--dry-run");
        CliResult sent = await CliRunner.RunAsync("raw-request", "--http-method", "GET", "--target-uri", uri, "--auth", "instance_obo_user",
            "--federation-endpoint", FederationEndpoint);

        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Equal("<redacted>", dry.Json().GetProperty("headers").GetProperty("opc-obo-token").GetString());
        Assert.True(sent.ExitCode == 0 && sent.Json().GetProperty("status").GetString() == "200 OK", sent.ToString());
        Assert.DoesNotContain("obo-secret-token", dry.Stdout + dry.Stderr + sent.Stdout + sent.Stderr, StringComparison.Ordinal);
    }

    private string ProfileOnlyConfig(string profile) =>
        _folder.Write("profile-config", $"[{profile}]\nuser={_fixture.Tenancy.UserId}\nfingerprint={_fixture.Tenancy.Fingerprint}\nkey_file={_fixture.Tenancy.KeyFile}\ntenancy={_fixture.Tenancy.TenancyId}\n", OwnerOnly);

    private Task<CliResult> RunAsync(params string[] extra) =>
        CliRunner.RunAsync(["raw-request", "--http-method", "GET", "--target-uri", UserUri, .. extra]);
}
