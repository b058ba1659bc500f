using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using OciRaw.Testing.Tests.TestSupport;

namespace OciRaw.Testing.Tests;

/// <summary>
/// What the emulator writes to disk is owner-only, and nothing it logs or reports holds a private key, a signature or
/// a token, while its log still says which request was rejected and why.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix file modes; the project runs on Linux
public sealed class SecretTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task The_key_file_and_config_file_are_owner_only()
    {
        await using OciEmulator emulator = await OciEmulator.StartAsync();

        TestTenancy tenancy = emulator.CreateTenancy();

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(tenancy.KeyFile));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(tenancy.ConfigFile));
        UnixFileMode folder = File.GetUnixFileMode(Path.GetDirectoryName(tenancy.KeyFile)!);
        Assert.Equal(UnixFileMode.None, folder & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite));
    }

    [Fact]
    public async Task Files_written_to_a_given_folder_are_owner_only_and_outlive_the_emulator()
    {
        string folder = Path.Combine(Directory.CreateTempSubdirectory("ociraw-testing-tests-").FullName, "nested");
        try
        {
            TestTenancy tenancy;
            await using (OciEmulator emulator = await OciEmulator.StartAsync())
            {
                tenancy = emulator.CreateTenancy(folder);
                Assert.Equal(folder, Path.GetDirectoryName(tenancy.KeyFile));
                Assert.Equal(folder, Path.GetDirectoryName(tenancy.ConfigFile));
                Assert.Equal(OwnerOnly, File.GetUnixFileMode(tenancy.KeyFile));
                Assert.Equal(OwnerOnly, File.GetUnixFileMode(tenancy.ConfigFile));
            }

            Assert.True(File.Exists(tenancy.KeyFile), "The caller's folder belongs to the caller.");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Fact]
    public async Task A_second_tenancy_in_the_same_folder_is_refused_and_the_first_keeps_working()
    {
        string folder = Directory.CreateTempSubdirectory("ociraw-testing-tests-").FullName;
        try
        {
            await using OciEmulator emulator = await OciEmulator.StartAsync();
            TestTenancy first = emulator.CreateTenancy(folder);
            string key = await File.ReadAllTextAsync(first.KeyFile);

            InvalidOperationException refused = Assert.Throws<InvalidOperationException>(() => emulator.CreateTenancy(folder + Path.DirectorySeparatorChar));

            Assert.Contains(folder, refused.Message, StringComparison.Ordinal);
            Assert.Contains(first.TenancyId, refused.Message, StringComparison.Ordinal);
            Assert.Equal(key, await File.ReadAllTextAsync(first.KeyFile));
            using var http = new HttpClient(new OciSigningHandler(OciSigner.FromConfig(OciConfig.FromFile(first.ConfigFile)))) { BaseAddress = emulator.BaseAddress };
            using HttpResponseMessage response = await http.GetAsync($"/20160918/users/{first.UserId}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Existing_world_readable_files_in_a_given_folder_are_narrowed_and_replaced()
    {
        string folder = Directory.CreateTempSubdirectory("ociraw-testing-tests-").FullName;
        try
        {
            const UnixFileMode WorldReadable = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
            foreach (string name in new[] { "oci_api_key.pem", "config" })
            {
                await File.WriteAllTextAsync(Path.Combine(folder, name), "left over from an earlier run\n");
                File.SetUnixFileMode(Path.Combine(folder, name), WorldReadable);
            }

            await using OciEmulator emulator = await OciEmulator.StartAsync();
            TestTenancy tenancy = emulator.CreateTenancy(folder);

            Assert.Equal(OwnerOnly, File.GetUnixFileMode(tenancy.KeyFile));
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(tenancy.ConfigFile));
            Assert.StartsWith("-----BEGIN PRIVATE KEY-----", await File.ReadAllTextAsync(tenancy.KeyFile), StringComparison.Ordinal);
            using var http = new HttpClient(new OciSigningHandler(OciSigner.FromConfig(OciConfig.FromFile(tenancy.ConfigFile)))) { BaseAddress = emulator.BaseAddress };
            using HttpResponseMessage response = await http.GetAsync($"/20160918/users/{tenancy.UserId}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_files_of_an_emulator_made_folder_are_deleted_with_the_emulator()
    {
        OciEmulator emulator = await OciEmulator.StartAsync();
        TestTenancy tenancy = emulator.CreateTenancy();
        Assert.True(File.Exists(tenancy.KeyFile));

        await emulator.DisposeAsync();

        Assert.False(File.Exists(tenancy.KeyFile));
        Assert.False(File.Exists(tenancy.ConfigFile));
    }

    [Fact]
    public async Task The_config_file_reads_without_warnings_and_matches_the_tenancy()
    {
        await using OciEmulator emulator = await OciEmulator.StartAsync();
        TestTenancy tenancy = emulator.CreateTenancy();

        OciConfig config = OciConfig.FromFile(tenancy.ConfigFile);
        var signer = (ApiKeySigner)OciSigner.FromConfig(config);

        Assert.Empty(config.Warnings);
        Assert.Empty(signer.Warnings);
        Assert.Equal(tenancy.KeyId, signer.KeyId);
        Assert.Equal(tenancy.Region, config.Region);
        Assert.Equal(tenancy.KeyFile, config.KeyFile);
        Assert.Null(config.PassPhrase);
        Assert.DoesNotContain("PRIVATE KEY", tenancy.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(tenancy.KeyFile, tenancy.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_tenancies_get_different_keys()
    {
        await using OciEmulator emulator = await OciEmulator.StartAsync();

        TestTenancy first = emulator.CreateTenancy();
        TestTenancy second = emulator.CreateTenancy();

        Assert.NotEqual(first.TenancyId, second.TenancyId);
        Assert.NotEqual(first.UserId, second.UserId);
        Assert.NotEqual(first.Fingerprint, second.Fingerprint);
        Assert.NotEqual(await File.ReadAllTextAsync(first.KeyFile), await File.ReadAllTextAsync(second.KeyFile));
    }

    [Fact]
    public async Task The_log_says_why_each_request_was_rejected_and_never_holds_keys_or_signatures()
    {
        var logs = new CapturingLoggerProvider();
        using ILoggerFactory factory = logs.CreateFactory();
        await using EmulatorContext context = await EmulatorContext.StartAsync(new OciEmulatorOptions { LoggerFactory = factory });
        string list = $"/20160918/users?compartmentId={context.Tenancy.TenancyId}";
        using RSA impostor = SpareKeys.Unregistered();

        // Rejections of every kind, each sending a real signature that must not be echoed.
        HttpClient wrongKey = context.CreateHttp(new KeyIdSigner(context.Tenancy.KeyId, impostor), null, out WireTapHandler wrongKeyTap);
        HttpClient tamperedBody = context.CreateHttp(null, request =>
        {
            request.Content = new StringContent("""{"tampered":true}""", Encoding.UTF8, "application/json");
            return Task.CompletedTask;
        }, out WireTapHandler tamperedTap);
        HttpClient tamperedDate = context.CreateHttp(null, request =>
        {
            request.Headers.Date = request.Headers.Date!.Value.AddSeconds(1);
            return Task.CompletedTask;
        }, out WireTapHandler dateTap);
        HttpClient notBase64 = context.CreateHttp(null, request =>
        {
            string authorization = request.Headers.Authorization!.ToString();
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", authorization.Replace("signature=\"", "signature=\"*", StringComparison.Ordinal));
            return Task.CompletedTask;
        }, out WireTapHandler base64Tap);

        var responses = new List<HttpResponseMessage>
        {
            await wrongKey.GetAsync(list),
            await tamperedBody.PostAsync("/20160918/users", new StringContent("""{"original":true}""", Encoding.UTF8, "application/json")),
            await tamperedDate.DeleteAsync("/20160918/users/ocid1.user.oc1..x"),
            await notBase64.GetAsync(list),
            await context.CreateUnsignedHttp().GetAsync(list),
        };
        using HttpResponseMessage accepted = await context.Http.GetAsync(list);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        // One warning per rejection, naming the route, the request id and the reason.
        List<LogEntry> warnings = logs.Entries.Where(e => e.Category == "OciRaw.Testing.OciEmulator").ToList();
        Assert.Equal(5, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(LogLevel.Warning, w.Level));
        for (int i = 0; i < responses.Count; i++)
        {
            string requestId = responses[i].Headers.GetValues("opc-request-id").Single();
            string reason = context.Emulator.AuthenticationFailures[i].Split(": ", 2)[1];
            Assert.Contains(warnings, w => w.Message.Contains(requestId, StringComparison.Ordinal) && w.Message.Contains(reason, StringComparison.Ordinal));
        }

        var secrets = new List<string>();
        secrets.AddRange(SecretAssert.Base64Lines(await File.ReadAllTextAsync(context.Tenancy.KeyFile)));
        secrets.AddRange(SecretAssert.Base64Lines(impostor.ExportPkcs8PrivateKeyPem()));
        foreach (WireTapHandler tap in new[] { wrongKeyTap, tamperedTap, dateTap, base64Tap, context.Tap })
        {
            foreach (SentRequest sent in tap.Sent)
            {
                string signature = sent.AuthorizationParameter("signature");
                secrets.Add(signature.TrimStart('*'));
                secrets.Add(signature[..40]);
                secrets.Add(sent.Header("Authorization")!);
            }
        }

        Assert.True(secrets.Count > 40, "The test must have collected the key lines and signatures.");
        SecretAssert.NotIn(logs.AllText, secrets);
        SecretAssert.NotIn(context.Emulator.AuthenticationFailures, secrets);
        foreach (HttpResponseMessage response in responses)
        {
            SecretAssert.NotIn([await response.Content.ReadAsStringAsync(), response.Headers.ToString()], secrets);
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_session_token_keyId_is_not_logged()
    {
        var logs = new CapturingLoggerProvider();
        using ILoggerFactory factory = logs.CreateFactory();
        await using EmulatorContext context = await EmulatorContext.StartAsync(new OciEmulatorOptions { LoggerFactory = factory });
        // A session-token keyId (ST$<JWT>) the emulator never issued: the token is a bearer secret, even when unknown.
        const string Token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJvY2lkMS51c2VyLm9jMS4uc2VjcmV0In0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";
        using RSA sessionKey = SpareKeys.Unregistered();
        HttpClient http = context.CreateHttp(new KeyIdSigner("ST$" + Token, sessionKey));

        using HttpResponseMessage response = await http.GetAsync($"/20160918/users?compartmentId={context.Tenancy.TenancyId}");

        await OciErrorAssert.IsNotAuthenticatedAsync(response);
        string failure = Assert.Single(context.Emulator.AuthenticationFailures);
        Assert.Contains("unknown security token", failure, StringComparison.Ordinal);
        Assert.NotEmpty(logs.Entries);
        string[] tokenParts = Token.Split('.');
        SecretAssert.NotIn(logs.AllText, tokenParts);
        SecretAssert.NotIn(context.Emulator.AuthenticationFailures, tokenParts);
    }

    [Fact]
    public async Task Without_a_logger_factory_nothing_is_logged_and_rejections_are_still_recorded()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        using HttpResponseMessage response = await context.CreateUnsignedHttp().GetAsync("/20160918/users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Single(context.Emulator.AuthenticationFailures);
    }
}
