using System.Net;
using System.Text.Json;
using OciRaw.Cli;
using OciRaw.Testing;

namespace OciRaw.Tests;

/// <summary>
/// --no-retry, --max-retries, --endpoint, --region/OCI_CLI_REGION and the headers every request carries, compared with
/// <c>oci raw-request</c> as <see cref="OciCliRecording"/> records it from the OCI CLI's source. Retries are the runtime's
/// <see cref="OciRetryHandler"/>, set as raw-request sets its strategy.
/// </summary>
[Collection(EnvironmentTestGroup.Name)]
public sealed class RetryAndRegionParityTests : IDisposable
{
    private const string ItemRoute = "GET /20160918/users/{userId}";
    private const string Template = "https://identity.{region}.oci.{secondLevelDomain}/20160918/users?compartmentId=ocid1.tenancy.oc1..aaaa";

    private readonly EnvironmentVariables _environment = new EnvironmentVariables()
        .Set(CliEnvironment.Region, null).Set(CliEnvironment.Endpoint, null).Set("OCI_REGION", null).Set(OciRetryOptions.EnabledEnvironmentVariable, null);

    public void Dispose() => _environment.Dispose();

    [Fact]
    public async Task A_dropped_connection_is_retried_and_the_answer_printed_and_no_retry_sends_once()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        string uri = fixture.UserUri(fixture.Tenancy.UserId);
        fixture.Emulator.Faults.Enqueue(ItemRoute, OciFault.Drop());

        CliResult retried = await fixture.RawRequestAsync("--http-method", "GET", "--target-uri", uri);

        Assert.True(retried.ExitCode == 0, retried.ToString());
        Assert.Equal("200 OK", retried.Json().GetProperty("status").GetString());
        Assert.Equal(2, fixture.Emulator.Faults.CallCount(ItemRoute));

        fixture.Emulator.Faults.Enqueue(ItemRoute, OciFault.Drop());
        CliResult once = await fixture.RawRequestAsync("--http-method", "GET", "--target-uri", uri, "--no-retry");

        Assert.Equal(ExitCodes.NetworkError, once.ExitCode);
        Assert.Contains("could not be sent", once.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, fixture.Emulator.Faults.CallCount(ItemRoute));
    }

    [Fact]
    public async Task A_read_timeout_is_retried_as_a_requests_timeout_is()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        fixture.Emulator.Faults.Enqueue(ItemRoute, OciFault.Slow(TimeSpan.FromSeconds(5)));

        CliResult result = await fixture.RawRequestAsync("--http-method", "GET", "--target-uri", fixture.UserUri(fixture.Tenancy.UserId), "--read-timeout", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("200 OK", result.Json().GetProperty("status").GetString());
        Assert.Equal(2, fixture.Emulator.Faults.CallCount(ItemRoute));
    }

    [Fact]
    public async Task Max_retries_is_the_number_of_attempts_in_all()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        fixture.Emulator.Faults.Enqueue(ItemRoute, OciFault.Drop(), count: 3);

        CliResult result = await fixture.RawRequestAsync("--http-method", "GET", "--target-uri", fixture.UserUri(fixture.Tenancy.UserId), "--max-retries", "2");

        Assert.Equal(ExitCodes.NetworkError, result.ExitCode);
        Assert.Equal(2, fixture.Emulator.Faults.CallCount(ItemRoute));
    }

    [Theory]
    [InlineData(503, "ServiceUnavailable")]
    [InlineData(429, "TooManyRequests")]
    public async Task An_answer_of_any_status_is_printed_after_one_attempt(int status, string code)
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        fixture.Emulator.Faults.Enqueue(ItemRoute, OciFault.Error(status, code, "scripted"));

        CliResult result = await fixture.RawRequestAsync("--http-method", "GET", "--target-uri", fixture.UserUri(fixture.Tenancy.UserId));

        Assert.Equal(OciCliRecording.ExitCodeForAnyHttpAnswer, result.ExitCode);
        Assert.Equal(code, result.Json().GetProperty("data").GetProperty("code").GetString());
        Assert.Equal(1, fixture.Emulator.Faults.CallCount(ItemRoute)); // what the SDKs retry, oci raw-request prints
    }

    [Theory]
    [InlineData("--max-retries", "3", "--no-retry")]
    [InlineData("--no-retry", "--max-retries", "1")]
    public async Task No_retry_with_max_retries_is_refused(params string[] options)
    {
        CliResult result = await CliRunner.RunAsync(["raw-request", "--http-method", "GET", "--target-uri", "https://example.invalid/x", .. options]);

        Assert.Equal(OciCliRecording.UsageErrorExitCode, result.ExitCode);
        Assert.Contains(OciCliRecording.MaxRetriesWithNoRetry, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Max_retries_below_one_attempt_is_refused_naming_the_value()
    {
        CliResult result = await CliRunner.RunAsync("raw-request", "--http-method", "GET", "--target-uri", "https://example.invalid/x", "--max-retries", "-1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--max-retries -1", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endpoint_is_refused_from_the_option_and_from_OCI_CLI_ENDPOINT()
    {
        string[] args = ["raw-request", "--http-method", "GET", "--target-uri", "https://example.invalid/x", "--dry-run"];

        CliResult option = await CliRunner.RunAsync([.. args, "--endpoint", "https://example.invalid"]);
        _environment.Set(CliEnvironment.Endpoint, "https://example.invalid");
        CliResult fromEnvironment = await CliRunner.RunAsync(args);

        foreach (CliResult result in new[] { option, fromEnvironment })
        {
            Assert.Equal(OciCliRecording.UsageErrorExitCode, result.ExitCode);
            Assert.Contains(OciCliRecording.EndpointRefusal, result.Stderr, StringComparison.Ordinal);
            Assert.Empty(result.Stdout);
        }
    }

    [Fact]
    public async Task Every_request_carries_user_agent_a_request_id_and_opc_client_retries_while_retries_are_on()
    {
        await using var server = new LoopbackHttpServer(_ => ServerResponse.Json(HttpStatusCode.OK, "{}"));
        using var config = new ConfigFileFixture("ocid1.tenancy.oc1..aaaa", "ocid1.user.oc1..aaaa", VectorFiles.TestKeyFingerprint, VectorFiles.KeyPath(VectorFiles.TestKey));
        string[] args = ["raw-request", "--http-method", "GET", "--target-uri", $"http://127.0.0.1:{server.Port}/x", "--config-file", config.Path];

        Assert.Equal(0, (await CliRunner.RunAsync(args)).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync([.. args, "--no-retry", "--request-id", "MINE"])).ExitCode);

        ArrivedRequest retrying = server.Received[0];
        ArrivedRequest once = server.Received[1];
        Assert.StartsWith("OciRaw/", retrying.Header("User-Agent"), StringComparison.Ordinal);
        Assert.True(OciCliRecording.IsGeneratedRequestId(retrying.Header("opc-request-id")), retrying.Header("opc-request-id"));
        Assert.Equal("true", retrying.Header("opc-client-retries"));
        Assert.StartsWith("OciRaw/", once.Header("User-Agent"), StringComparison.Ordinal);
        Assert.Equal("MINE", once.Header("opc-request-id"));
        Assert.Null(once.Header("opc-client-retries"));
    }

    [Fact]
    public async Task A_host_template_is_expanded_from_region_then_OCI_CLI_REGION_then_the_profile()
    {
        using var config = new ConfigFileFixture("ocid1.tenancy.oc1..aaaa", "ocid1.user.oc1..aaaa", VectorFiles.TestKeyFingerprint, VectorFiles.KeyPath(VectorFiles.TestKey));
        string[] args = ["raw-request", "--http-method", "GET", "--target-uri", Template, "--config-file", config.Path, "--dry-run"];

        string fromProfile = Uri(await CliRunner.RunAsync(args));
        _environment.Set(CliEnvironment.Region, "fra");
        string fromEnvironment = Uri(await CliRunner.RunAsync(args));
        string fromOption = Uri(await CliRunner.RunAsync([.. args, "--region", "ap-tokyo-1"]));
        string otherRealm = Uri(await CliRunner.RunAsync([.. args, "--region", "us-langley-1"]));

        const string Path = "/20160918/users?compartmentId=ocid1.tenancy.oc1..aaaa";
        Assert.Equal("https://identity.us-ashburn-1.oci.oraclecloud.com" + Path, fromProfile);
        Assert.Equal("https://identity.eu-frankfurt-1.oci.oraclecloud.com" + Path, fromEnvironment);
        Assert.Equal("https://identity.ap-tokyo-1.oci.oraclecloud.com" + Path, fromOption);
        Assert.Equal("https://identity.us-langley-1.oci.oraclegovcloud.com" + Path, otherRealm);
    }

    [Fact]
    public async Task A_full_url_is_sent_as_given_whatever_the_region_as_by_oci_raw_request()
    {
        using var config = new ConfigFileFixture("ocid1.tenancy.oc1..aaaa", "ocid1.user.oc1..aaaa", VectorFiles.TestKeyFingerprint, VectorFiles.KeyPath(VectorFiles.TestKey));
        const string Url = "https://identity.us-phoenix-1.oci.oraclecloud.com/20160918/users?compartmentId=x";

        CliResult result = await CliRunner.RunAsync("raw-request", "--http-method", "GET", "--target-uri", Url, "--config-file", config.Path, "--dry-run", "--region", "xx-unknown-9");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Url, Uri(result));
    }

    [Fact]
    public async Task A_template_without_a_region_or_with_an_unknown_one_is_a_usage_error()
    {
        using var folder = new TempDirectory();
        string config = folder.Write("config", "[DEFAULT]\ntenancy=ocid1.tenancy.oc1..aaaa\nuser=ocid1.user.oc1..aaaa\n" +
            $"fingerprint={VectorFiles.TestKeyFingerprint}\nkey_file={folder.CopyKey(Path.GetFileName(VectorFiles.TestKey))}\n", TestKeys.OwnerOnly);
        string[] args = ["raw-request", "--http-method", "GET", "--target-uri", Template, "--config-file", config, "--dry-run"];

        CliResult noRegion = await CliRunner.RunAsync(args);
        CliResult unknown = await CliRunner.RunAsync([.. args, "--region", "xx-unknown-9"]);

        Assert.Equal(2, noRegion.ExitCode);
        Assert.Contains("no region is set to expand it: pass --region, set OCI_CLI_REGION", noRegion.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("xx-unknown-9", unknown.Stderr, StringComparison.Ordinal);
        Assert.Empty(unknown.Stdout);
    }

    private static string Uri(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Json().GetProperty("uri").GetString()!;
    }
}
