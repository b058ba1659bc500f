using System.Net;
using System.Text;
using System.Text.Json;
using OciRaw.Testing;

namespace OciRaw.Tests;

/// <summary>
/// The same invocations through ociraw as through <c>oci raw-request</c>, against the emulator (or a loopback server
/// where the emulator cannot produce the answer: charsets, binary bodies, header spelling). Expectations come from
/// <see cref="OciCliRecording"/>, each recorded from the OCI CLI's source.
/// </summary>
public sealed class RawRequestParityTests
{
    private const string ItemRoute = "GET /20160918/users/{userId}";

    // ---- 1. Non-2xx answers ----

    [Fact]
    public async Task A_404_prints_the_same_document_as_a_success_and_exits_0()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        fixture.Emulator.Faults.Enqueue(ItemRoute, OciFault.Error(404, "NotAuthorizedOrNotFound", "Authorization failed or requested resource not found."));

        CliResult result = await fixture.RawRequestAsync("--http-method", "GET", "--target-uri", fixture.UserUri("ocid1.user.oc1..missing"));

        Assert.Equal(OciCliRecording.ExitCodeForAnyHttpAnswer, result.ExitCode);
        Assert.Empty(result.Stderr);
        Assert.Equal("""
            {
              "data": {
                "code": "NotAuthorizedOrNotFound",
                "message": "Authorization failed or requested resource not found."
              },
              "headers": {
                "Content-Length": "100",
                "Content-Type": "application/json",
                "Date": "DATE",
                "Server": "Kestrel",
                "opc-request-id": "PARITY-REQUEST"
              },
              "status": "404 Not Found"
            }

            """.ReplaceLineEndings(), OciCliRecording.WithoutDate(result.Stdout));
    }

    [Theory]
    [InlineData(401, "NotAuthenticated", "401 Unauthorized")]
    [InlineData(412, "NoEtagMatch", "412 Precondition Failed")]
    [InlineData(503, "ServiceUnavailable", "503 Service Unavailable")]
    public async Task Every_error_status_is_on_stdout_with_exit_0_and_with_fail_on_error_exit_1(int status, string code, string statusLine)
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        fixture.Emulator.Faults.Enqueue(ItemRoute, OciFault.Error(status, code, "scripted"), count: 2);
        string uri = fixture.UserUri(fixture.Tenancy.UserId);

        CliResult lenient = await fixture.RawRequestAsync("--http-method", "GET", "--target-uri", uri);
        CliResult strict = await fixture.RawRequestAsync("--http-method", "GET", "--target-uri", uri, "--fail-on-error");

        Assert.Equal(OciCliRecording.ExitCodeForAnyHttpAnswer, lenient.ExitCode);
        Assert.Equal(1, strict.ExitCode);
        foreach (CliResult result in new[] { lenient, strict })
        {
            JsonElement document = result.Json();
            Assert.Equal(statusLine, document.GetProperty("status").GetString());
            Assert.Equal(code, document.GetProperty("data").GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task Fail_on_error_keeps_exit_0_for_a_2xx()
    {
        await using var fixture = await EmulatorFixture.StartAsync();

        CliResult result = await fixture.RawRequestAsync("--http-method", "GET", "--target-uri", fixture.UserUri(fixture.Tenancy.UserId), "--fail-on-error");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("200 OK", result.Json().GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_non_json_error_body_is_data_as_text()
    {
        await using var server = new LoopbackHttpServer(_ => new ServerResponse(HttpStatusCode.BadGateway, "<html>upstream down</html>", []) { ContentType = "text/html; charset=utf-8" });

        CliResult result = await SendAsync(server, "GET");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("<html>upstream down</html>", result.Json().GetProperty("data").GetString());
        Assert.Equal("502 BadGateway", result.Json().GetProperty("status").GetString()); // the loopback server's reason phrase, as sent
    }

    // ---- 2. Output fidelity ----

    [Fact]
    public async Task Header_names_are_printed_as_the_server_spelled_them()
    {
        await using var server = new LoopbackHttpServer(_ => new ServerResponse(HttpStatusCode.OK, "{}", [new("content-type", "application/json"), new("ETag", "\"e1\""), new("OPC-Next-Page", "p2")]) { ContentType = null });

        CliResult result = await SendAsync(server, "GET");

        JsonElement headers = result.Json().GetProperty("headers");
        string[] names = [.. headers.EnumerateObject().Select(p => p.Name)];
        Assert.Equal(["Content-Length", "ETag", "OPC-Next-Page", "content-type"], names); // sort_keys: uppercase first, as Python sorts
    }

    [Fact]
    public async Task A_204_and_a_head_answer_have_empty_string_data()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        await using var server = new LoopbackHttpServer(_ => ServerResponse.Json(HttpStatusCode.OK, "{\"ignored\":true}"));

        CliResult deleted = await fixture.RawRequestAsync("--http-method", "DELETE", "--target-uri", fixture.UserUri(fixture.Tenancy.UserId));
        CliResult head = await SendAsync(server, "HEAD");

        Assert.Equal("204 No Content", deleted.Json().GetProperty("status").GetString());
        Assert.Equal("", deleted.Json().GetProperty("data").GetString());
        Assert.Equal("", head.Json().GetProperty("data").GetString());
    }

    [Fact]
    public async Task Text_is_decoded_with_the_response_charset()
    {
        byte[] latin1 = [0x63, 0x61, 0x66, 0xE9]; // "café" in ISO-8859-1
        await using var server = new LoopbackHttpServer(_ => new ServerResponse(HttpStatusCode.OK, "", []) { RawBody = latin1, ContentType = "text/plain; charset=ISO-8859-1" });

        CliResult result = await SendAsync(server, "GET");

        Assert.Equal("café", result.Json().GetProperty("data").GetString());
        Assert.Contains("\"data\": \"café\"", result.Stdout, StringComparison.Ordinal); // ensure_ascii=False: not \u00e9
    }

    [Fact]
    public async Task Text_without_a_charset_is_read_as_iso_8859_1_as_requests_reads_it()
    {
        // requests.utils.get_encoding_from_headers: 'text' in the content type and no charset -> 'ISO-8859-1'.
        await using var server = new LoopbackHttpServer(_ => new ServerResponse(HttpStatusCode.OK, "café", []) { ContentType = "text/plain" });

        CliResult result = await SendAsync(server, "GET");

        Assert.Equal("cafÃ©", result.Json().GetProperty("data").GetString());
    }

    [Fact]
    public async Task A_binary_body_is_base64_with_a_marker_and_loses_nothing()
    {
        // oci raw-request decodes such a body as text with a guessed charset (response.text), which cannot give the bytes
        // back; ociraw prints their base64 and says so in "data-encoding".
        byte[] bytes = [0x00, 0xFF, 0xFE, 0x80, 0x41, 0x0A];
        await using var server = new LoopbackHttpServer(_ => new ServerResponse(HttpStatusCode.OK, "", []) { RawBody = bytes, ContentType = "application/octet-stream" });

        CliResult result = await SendAsync(server, "GET");

        JsonElement document = result.Json();
        Assert.Equal(bytes, Convert.FromBase64String(document.GetProperty("data").GetString()!));
        Assert.Equal("base64", document.GetProperty("data-encoding").GetString());
    }

    [Fact]
    public async Task Keys_are_sorted_and_numbers_printed_as_python_prints_them()
    {
        const string Body = "{\"d\":{},\"c\":[],\"b\":1,\"a\":{\"z\":1.0,\"y\":1e16,\"x\":12345678901234567890,\"w\":0.00001,\"v\":\"\\u00e9\\u0001\"}}";
        await using var server = new LoopbackHttpServer(_ => ServerResponse.Json(HttpStatusCode.OK, Body));

        CliResult result = await SendAsync(server, "GET");

        string expected = OciCliRecording.NumbersAndKeyOrderDocument.Replace("LENGTH", Encoding.UTF8.GetByteCount(Body).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(expected + Environment.NewLine, result.Stdout);
    }

    [Fact]
    public async Task Query_applies_to_data_and_raw_output_changes_nothing()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        string uri = fixture.UserUri(fixture.Tenancy.UserId);

        CliResult query = await fixture.RawRequestAsync("--http-method", "GET", "--target-uri", uri, "--query", "{name: name, state: lifecycleState}");
        CliResult raw = await fixture.RawRequestAsync("--http-method", "GET", "--target-uri", uri, "--query", "name", "--raw-output");

        Assert.True(query.ExitCode == 0, query.ToString());
        JsonElement data = query.Json().GetProperty("data");
        Assert.Equal("ociraw-emulator-user", data.GetProperty("name").GetString());
        Assert.Equal("ACTIVE", data.GetProperty("state").GetString());
        Assert.Equal("200 OK", query.Json().GetProperty("status").GetString());
        // raw_request_cli.py prints pretty_print_format(result_dict) whatever --raw-output says.
        Assert.Equal("ociraw-emulator-user", raw.Json().GetProperty("data").GetString());
    }

    [Fact]
    public async Task A_query_is_not_applied_to_a_text_body()
    {
        await using var server = new LoopbackHttpServer(_ => new ServerResponse(HttpStatusCode.OK, "plain words", []) { ContentType = "text/plain; charset=utf-8" });

        CliResult result = await SendAsync(server, "GET", "--query", "length(@)");

        Assert.Equal("plain words", result.Json().GetProperty("data").GetString());
    }

    [Theory]
    [InlineData("table", OciCliRecording.TableRefusal)]
    [InlineData("yaml", "--output 'yaml' is not one of json, table")]
    public async Task Output_other_than_json_is_refused(string format, string message)
    {
        await using var fixture = await EmulatorFixture.StartAsync();

        CliResult result = await fixture.RawRequestAsync("--http-method", "GET", "--target-uri", fixture.UsersUri, "--output", format);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task An_invalid_query_is_a_usage_error_before_sending()
    {
        await using var fixture = await EmulatorFixture.StartAsync();

        CliResult result = await fixture.RawRequestAsync("--http-method", "GET", "--target-uri", fixture.UsersUri, "--query", "items[?name ==");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not a valid JMESPath expression", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, fixture.Emulator.Faults.CallCount("GET /20160918/users"));
    }

    [Fact]
    public async Task A_query_that_fails_on_the_answer_is_explained_without_a_stack_trace()
    {
        await using var fixture = await EmulatorFixture.StartAsync();

        CliResult result = await fixture.RawRequestAsync("--http-method", "GET", "--target-uri", fixture.UserUri(fixture.Tenancy.UserId), "--query", "sum(name)");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("sum() argument 1 must be array-number, not string", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    // ---- 3. Flags ----

    [Fact]
    public async Task Request_id_is_sent_and_request_headers_win_over_it()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        string uri = fixture.UserUri(fixture.Tenancy.UserId);

        CliResult plain = await fixture.RawRequestAsync("--http-method", "GET", "--target-uri", uri);
        CliResult overridden = await fixture.RawRequestAsync("--http-method", "GET", "--target-uri", uri, "--request-headers", "{\"opc-request-id\": \"FROM-HEADERS\"}");

        Assert.Equal("PARITY-REQUEST", plain.Json().GetProperty("headers").GetProperty("opc-request-id").GetString());
        Assert.Equal("FROM-HEADERS", overridden.Json().GetProperty("headers").GetProperty("opc-request-id").GetString());
    }

    [Fact]
    public async Task Read_timeout_ends_a_silent_answer_with_exit_3()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        fixture.Emulator.Faults.Enqueue(ItemRoute, OciFault.Slow(TimeSpan.FromSeconds(5)));

        CliResult result = await fixture.RawRequestAsync("--http-method", "GET", "--target-uri", fixture.UserUri(fixture.Tenancy.UserId), "--read-timeout", "1", "--no-retry");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("--read-timeout", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--connection-timeout", "0", "--connection-timeout must be a positive number of seconds")]
    [InlineData("--cert-bundle", "/nonexistent/ca.pem", OciCliRecording.MissingCertBundle + "/nonexistent/ca.pem")]
    [InlineData("--proxy", "not a url", "--proxy 'not a url' is not an absolute http(s) URL")]
    [InlineData("--federation-endpoint", "ftp://x", "--federation-endpoint 'ftp://x' is not an absolute http(s) URL")]
    public async Task Bad_flag_values_are_named(string option, string value, string message)
    {
        CliResult result = await CliRunner.RunAsync("raw-request", "--http-method", "GET", "--target-uri", "https://x.example.com/", option, value, "--dry-run");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cert_bundle_without_certificates_is_refused()
    {
        using var folder = new TempDirectory();
        string bundle = folder.Write("empty.pem", "no certificates here\n");
        await using var fixture = await EmulatorFixture.StartAsync();

        CliResult result = await fixture.RawRequestAsync("--http-method", "GET", "--target-uri", fixture.UsersUri, "--cert-bundle", bundle);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("holds no PEM certificate", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proxy_carries_the_request()
    {
        await using var proxy = new LoopbackHttpServer(_ => ServerResponse.Json(HttpStatusCode.OK, "{\"via\":\"proxy\"}"));
        using var config = new ConfigFileFixture("ocid1.tenancy.oc1..proxy", "ocid1.user.oc1..proxy", VectorFiles.TestKeyFingerprint, VectorFiles.KeyPath(VectorFiles.TestKey));

        CliResult result = await CliRunner.RunAsync("raw-request", "--http-method", "GET", "--target-uri", "http://oci.example.invalid/20160918/users",
            "--config-file", config.Path, "--proxy", $"http://127.0.0.1:{proxy.Port}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("proxy", result.Json().GetProperty("data").GetProperty("via").GetString());
        Assert.Equal("http://oci.example.invalid/20160918/users", Assert.Single(proxy.Received).Target); // absolute-form: a proxy request
    }

    [Fact]
    public async Task Proxy_credentials_in_the_url_answer_the_proxy_challenge_and_are_never_printed()
    {
        await using var proxy = new LoopbackHttpServer(request => request.Header("proxy-authorization") is null
            ? new ServerResponse(HttpStatusCode.ProxyAuthenticationRequired, "{}", [new("Proxy-Authenticate", "Basic realm=\"proxy\"")])
            : ServerResponse.Json(HttpStatusCode.OK, "{}"));
        using var config = new ConfigFileFixture("ocid1.tenancy.oc1..proxy", "ocid1.user.oc1..proxy", VectorFiles.TestKeyFingerprint, VectorFiles.KeyPath(VectorFiles.TestKey));

        CliResult result = await CliRunner.RunAsync("raw-request", "--http-method", "GET", "--target-uri", "http://oci.example.invalid/x",
            "--config-file", config.Path, "--proxy", $"http://alice:s3cret%21@127.0.0.1:{proxy.Port}", "--debug");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("200 OK", result.Json().GetProperty("status").GetString());
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:s3cret!")), proxy.Received[^1].Header("proxy-authorization"));
        Assert.DoesNotContain("s3cret", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Debug_prints_the_signing_string_and_redacts_secrets()
    {
        await using var fixture = await EmulatorFixture.StartAsync();

        CliResult result = await fixture.RawRequestAsync("--http-method", "GET", "--target-uri", fixture.UserUri(fixture.Tenancy.UserId), "--debug",
            "--request-headers", "{\"opc-obo-token\": \"very-secret-obo\"}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("DEBUG: signing string:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("(request-target): get /20160918/users/", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("opc-obo-token: <redacted>", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("DEBUG: response: 200 OK", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret-obo", result.Stderr + result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oke_workload_identity_is_refused_with_the_reason()
    {
        CliResult result = await CliRunner.RunAsync("raw-request", "--http-method", "GET", "--target-uri", "https://x.example.com/", "--auth", "oke_workload_identity");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--auth oke_workload_identity is not supported", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_canned_query_comes_from_the_cli_rc_file()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        using var folder = new TempDirectory();
        string rc = folder.Write("oci_cli_rc", "[OCI_CLI_CANNED_QUERIES]\nuser_name = name\n");

        CliResult found = await fixture.RawRequestAsync("--http-method", "GET", "--target-uri", fixture.UserUri(fixture.Tenancy.UserId), "--cli-rc-file", rc, "--query", "query://user_name");
        CliResult missing = await fixture.RawRequestAsync("--http-method", "GET", "--target-uri", fixture.UsersUri, "--cli-rc-file", rc, "--query", "query://nope");

        Assert.Equal("ociraw-emulator-user", found.Json().GetProperty("data").GetString());
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("Query nope " + OciCliRecording.UnknownCannedQuery, missing.Stderr, StringComparison.Ordinal);
    }

    // ---- 4. Request body ----

    [Fact]
    public async Task A_non_json_body_is_refused_before_sending()
    {
        await using var server = new LoopbackHttpServer(_ => ServerResponse.Json(HttpStatusCode.OK, "{}"));

        CliResult result = await SendAsync(server, "POST", "--request-body", "name=alice");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(OciCliRecording.NotJsonBody, result.Stderr, StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task A_non_json_content_type_sends_the_body_as_it_is()
    {
        await using var server = new LoopbackHttpServer(_ => ServerResponse.Json(HttpStatusCode.OK, "{}"));

        CliResult result = await SendAsync(server, "PUT", "--request-body", "name=alice", "--request-headers", "{\"content-type\": \"text/plain\"}");

        Assert.True(result.ExitCode == 0, result.ToString());
        ArrivedRequest arrived = Assert.Single(server.Received);
        Assert.Equal("name=alice", Encoding.UTF8.GetString(arrived.Body));
        Assert.Equal("text/plain", arrived.Header("content-type"));
    }

    [Fact]
    public async Task A_body_on_get_is_sent()
    {
        await using var server = new LoopbackHttpServer(_ => ServerResponse.Json(HttpStatusCode.OK, "{}"));

        CliResult result = await SendAsync(server, "GET", "--request-body", "{\"filter\": 1}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("{\"filter\": 1}", Encoding.UTF8.GetString(Assert.Single(server.Received).Body));
    }

    [Fact]
    public async Task Body_and_headers_are_read_from_file_urls()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        using var folder = new TempDirectory();
        string body = folder.Write("user.json", $"{{\"compartmentId\": \"{fixture.Tenancy.TenancyId}\", \"name\": \"from-file\", \"description\": \"read with file://\"}}");
        string headers = folder.Write("headers.json", "{\"opc-retry-token\": \"retry-1\"}");

        CliResult result = await fixture.RawRequestAsync("--http-method", "POST", "--target-uri", fixture.UsersUri, "--request-body", "file://" + body, "--request-headers", "FILE://" + headers);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("from-file", result.Json().GetProperty("data").GetProperty("name").GetString());
    }

    private static async Task<CliResult> SendAsync(LoopbackHttpServer server, string method, params string[] extra)
    {
        using var config = new ConfigFileFixture("ocid1.tenancy.oc1..parity", "ocid1.user.oc1..parity", VectorFiles.TestKeyFingerprint, VectorFiles.KeyPath(VectorFiles.TestKey));
        return await CliRunner.RunAsync(["raw-request", "--http-method", method, "--target-uri", $"http://127.0.0.1:{server.Port}/x", "--config-file", config.Path, .. extra]);
    }
}
