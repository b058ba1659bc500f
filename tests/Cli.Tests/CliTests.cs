using System.Net;
using System.Text.Json;

namespace OciRaw.Tests;

/// <summary><c>ociraw raw-request</c>: the vectors through --dry-run, real sends to a loopback server, and errors.</summary>
public sealed class CliTests
{
    private const string Tenancy = "ocid1.tenancy.oc1..aaaaaaaaclitenancy";
    private const string User = "ocid1.user.oc1..aaaaaaaacliuser";

    [Theory]
    [MemberData(nameof(VectorFiles.CaseNames), MemberType = typeof(VectorFiles))]
    public async Task Dry_run_reproduces_every_vector(string name)
    {
        SigningVector vector = VectorFiles.Case(name);
        string fingerprint = vector.UsesDocsKey ? VectorFiles.DocsKeyRealFingerprint : vector.Fingerprint;
        using var config = new ConfigFileFixture(vector.Tenancy, vector.User, fingerprint, VectorFiles.KeyPath(vector.Key), vector.PassPhrase);
        var args = new List<string>
        {
            "raw-request", "--http-method", vector.Method, "--target-uri", vector.Url, "--config-file", config.Path, "--dry-run",
            "--request-headers", JsonSerializer.Serialize(vector.Headers.ToDictionary(h => h.Key, h => h.Value)),
        };
        if (vector.Body is not null)
        {
            args.AddRange(["--request-body", vector.Body]);
        }

        if (vector.ExcludeBody)
        {
            args.AddRange(["--signing-strategy", "exclude-body"]);
        }

        CliResult result = await CliRunner.RunAsync([.. args]);

        Assert.True(result.ExitCode == 0, result.ToString());
        JsonElement output = result.Json();
        JsonElement headers = output.GetProperty("headers");
        string expectedKeyId = $"{vector.Tenancy}/{vector.User}/{fingerprint}";
        Assert.Equal(vector.Method, output.GetProperty("method").GetString());
        Assert.Equal(vector.Url, output.GetProperty("uri").GetString());
        Assert.Equal(vector.ExpectedSigningString, output.GetProperty("signingString").GetString());
        Assert.Equal(vector.ExpectedAuthorization.Replace(vector.KeyId, expectedKeyId, StringComparison.Ordinal), headers.GetProperty("authorization").GetString());
        foreach ((string header, string value) in vector.ExpectedHeaders)
        {
            Assert.Equal(value, headers.GetProperty(header).GetString());
        }
    }

    [Fact]
    public async Task Sends_a_signed_request_and_prints_data_headers_and_status()
    {
        await using var server = new LoopbackHttpServer(_ =>
            ServerResponse.Json(HttpStatusCode.OK, "{\"id\":\"ocid1.user.oc1..new\",\"name\":\"alice\"}", ("opc-request-id", "REQ-1"), ("etag", "e1")));
        using var config = new ConfigFileFixture(Tenancy, User, VectorFiles.TestKeyFingerprint, VectorFiles.KeyPath(VectorFiles.TestKey));

        CliResult result = await CliRunner.RunAsync("raw-request", "--http-method", "POST", "--target-uri", $"http://127.0.0.1:{server.Port}/20160918/users",
            "--request-body", "{\"name\":\"alice\"}", "--config-file", config.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        JsonElement output = result.Json();
        Assert.Equal("alice", output.GetProperty("data").GetProperty("name").GetString());
        Assert.Equal("REQ-1", output.GetProperty("headers").GetProperty("opc-request-id").GetString());
        Assert.Equal("200 OK", output.GetProperty("status").GetString());
        ArrivedRequest arrived = Assert.Single(server.Received);
        Assert.Equal("{\"name\":\"alice\"}", System.Text.Encoding.UTF8.GetString(arrived.Body));
        Assert.StartsWith($"Signature version=\"1\",headers=\"date (request-target) host content-length content-type x-content-sha256\",keyId=\"{Tenancy}/{User}/", arrived.Header("authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_body_from_a_file_sends_its_exact_bytes()
    {
        await using var server = new LoopbackHttpServer(_ => ServerResponse.Json(HttpStatusCode.OK, "{}"));
        using var config = new ConfigFileFixture(Tenancy, User, VectorFiles.TestKeyFingerprint, VectorFiles.KeyPath(VectorFiles.TestKey));
        string bodyFile = Path.Combine(Path.GetDirectoryName(config.Path)!, "body.bin");
        byte[] bytes = [0xFF, 0x00, 0xEF, 0xBB, 0xBF, 0x80];
        File.WriteAllBytes(bodyFile, bytes);

        CliResult result = await CliRunner.RunAsync("raw-request", "--http-method", "PUT", "--target-uri", $"http://127.0.0.1:{server.Port}/o/x",
            "--request-body", "@" + bodyFile, "--request-headers", "{\"content-type\":\"application/octet-stream\"}", "--config-file", config.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(bytes, Assert.Single(server.Received).Body);
        Assert.Equal("application/octet-stream", server.Received[0].Header("content-type"));
    }

    [Fact]
    public async Task An_unreachable_endpoint_exits_3_without_a_stack_trace()
    {
        int closedPort;
        await using (var server = new LoopbackHttpServer(_ => ServerResponse.Json(HttpStatusCode.OK, "{}")))
        {
            closedPort = server.Port;
        }

        using var config = new ConfigFileFixture(Tenancy, User, VectorFiles.TestKeyFingerprint, VectorFiles.KeyPath(VectorFiles.TestKey));

        CliResult result = await CliRunner.RunAsync("raw-request", "--http-method", "GET", "--target-uri", $"http://127.0.0.1:{closedPort}/x", "--config-file", config.Path, "--no-retry");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("could not be sent", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> UsageErrors() => new()
    {
        { ["raw-request", "--target-uri", "https://x.example.com/"], "'--http-method' is required" },
        { ["raw-request", "--http-method", "GET"], "'--target-uri' is required" },
        { ["raw-request", "--http-method", "OPTIONS", "--target-uri", "https://x.example.com/"], "'OPTIONS' is not one of GET" },
        { ["raw-request", "--http-method", "GET", "--target-uri", "not a url"], "not an absolute http(s) URL" },
        { ["raw-request", "--http-method", "GET", "--target-uri", "https://x.example.com/", "--bogus"], "Unrecognized command or argument '--bogus'" },
        { ["raw-request", "--http-method", "GET", "--target-uri"], "Required argument missing for option: '--target-uri'" },
        { ["raw-request", "--http-method", "GET", "--http-method", "PUT", "--target-uri", "https://x.example.com/"], "'--http-method' expects a single argument but 2 were provided" },
        { ["raw-request", "--http-method", "GET", "--target-uri", "https://x.example.com/", "--auth", "password"], "'password' is not one of api_key" },
        { ["raw-request", "--http-method", "GET", "--target-uri", "https://x.example.com/", "--signing-strategy", "none"], "'none' is not one of standard, exclude-body" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task Usage_errors_name_the_option_and_exit_2(string[] args, string expected)
    {
        CliResult result = await CliRunner.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Usage: ociraw raw-request", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Theory]
    [InlineData("--request-headers", "{not json", "--request-headers is not valid JSON")]
    [InlineData("--request-headers", "[1,2]", "must be a JSON object")]
    [InlineData("--request-body", "@/nonexistent/body.json", "'/nonexistent/body.json' cannot be read")]
    public async Task Bad_body_and_header_options_are_explained(string option, string value, string expected)
    {
        using var config = new ConfigFileFixture(Tenancy, User, VectorFiles.TestKeyFingerprint, VectorFiles.KeyPath(VectorFiles.TestKey));

        CliResult result = await CliRunner.RunAsync("raw-request", "--http-method", "POST", "--target-uri", "https://x.example.com/", option, value, "--config-file", config.Path, "--dry-run");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resource_principals_without_their_variables_are_explained()
    {
        Assert.Null(Environment.GetEnvironmentVariable(ResourcePrincipalsSigner.VersionVariable));

        CliResult result = await CliRunner.RunAsync("raw-request", "--http-method", "GET", "--target-uri", "https://x.example.com/", "--auth", "resource_principal", "--dry-run");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("OCI_RESOURCE_PRINCIPAL_VERSION is not set", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_problems_are_printed_without_a_stack_trace_or_the_pass_phrase()
    {
        using var config = new ConfigFileFixture(Tenancy, User, "00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00",
            VectorFiles.KeyPath("keys/test_rsa2048.enc-pkcs8.pem"), passPhrase: "oracle-test-passphrase");

        CliResult result = await CliRunner.RunAsync("raw-request", "--http-method", "GET", "--target-uri", "https://x.example.com/", "--config-file", config.Path, "--dry-run");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("line 4, fingerprint: The fingerprint", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(config.Path, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("oracle-test-passphrase", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dry_run_redacts_a_delegation_token()
    {
        using var config = new ConfigFileFixture(Tenancy, User, VectorFiles.TestKeyFingerprint, VectorFiles.KeyPath(VectorFiles.TestKey));

        CliResult result = await CliRunner.RunAsync("raw-request", "--http-method", "GET", "--target-uri", "https://x.example.com/",
            "--request-headers", "{\"opc-obo-token\":\"very-secret-obo\"}", "--config-file", config.Path, "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("very-secret-obo", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("<redacted>", result.Json().GetProperty("headers").GetProperty("opc-obo-token").GetString());
        Assert.Contains("opc-obo-token: <redacted>", result.Json().GetProperty("signingString").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_and_unknown_commands()
    {
        Assert.Equal(0, (await CliRunner.RunAsync("raw-request", "--help")).ExitCode);
        CliResult unknown = await CliRunner.RunAsync("raw-requests");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Unrecognized command or argument 'raw-requests'", unknown.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, (await CliRunner.RunAsync()).ExitCode);
    }
}
