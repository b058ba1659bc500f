using OciRaw.Samples.IdentityUsers;
using OciRaw.Testing.Tests.TestSupport;

namespace OciRaw.Testing.Tests;

/// <summary>The IdentityUsers sample: its walkthrough against the emulator, in-process and as its own process.</summary>
public sealed class SampleTests
{
    private const string Done = "Done: every step behaved as OCI does.";

    [Fact]
    public async Task The_walkthrough_runs_every_step_against_the_emulator_and_cleans_up()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        using var output = new StringWriter();

        await new Walkthrough(context.Http, context.Tenancy.TenancyId, output, extraUsers: 4).RunAsync();

        string[] lines = output.ToString().Split(Environment.NewLine);
        string prefix = AssertLine(lines, @"^   created (ociraw-sample-[0-9a-f]{8}): ocid1\.user\.oc1\.\.\w+ \(Active\), etag [0-9a-f]+, opc-request-id [0-9A-F]{32}$").Groups[1].Value;
        AssertInOrder(lines,
            "1. Create a user through the generated client, with an opc-retry-token",
            "   the same create with the same retry token returns the same user: yes",
            "   created 4 more users so that the list below has several pages",
            "2. Get it back",
            $"   {prefix}: \"Created by the OciRaw sample\", created ",
            "3. List users page by page (2 per page, following opc-next-page)",
            "   page 1: ",
            "   page 2: ",
            "   page 3: ",
            "   IAsyncEnumerable<User> walked every page lazily and found this run's 5 user(s)",
            "4. Update the description with if-match",
            "   description is now \"Updated by the OciRaw sample\"; etag ",
            "   an update with the stale etag is refused: 412 NoEtagMatch (expected)",
            "5. Delete it with if-match",
            "   deleted",
            "   getting it again: 404 NotAuthorizedOrNotFound (expected), opc-request-id ",
            "6. The same create as a raw request: HttpClient + OciSigningHandler, as in the OCI raw-request docs",
            "   POST /20160918/users -> 200 OK, id ocid1.user.oc1..",
            Done);
        Assert.Contains(lines, l => l.StartsWith("   created ", StringComparison.Ordinal) && l.Contains(prefix, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("could not delete", StringComparison.Ordinal));
        Assert.Empty(context.Emulator.AuthenticationFailures);
        // Everything the walkthrough created, it deleted: only the tenancy's own user is left.
        Assert.Equal([context.Tenancy.UserId], await ListIdsAsync(context));
        Assert.True(context.Emulator.Faults.CallCount("DELETE /20160918/users/{userId}") >= 6);
    }

    [Fact]
    public async Task The_walkthrough_without_extra_users_still_runs_every_step()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        using var output = new StringWriter();

        await new Walkthrough(context.Http, context.Tenancy.TenancyId, output, extraUsers: 0).RunAsync();

        string text = output.ToString();
        Assert.Contains("found this run's 1 user(s)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("more users so that", text, StringComparison.Ordinal);
        Assert.EndsWith(Done + Environment.NewLine, text, StringComparison.Ordinal);
        Assert.Equal([context.Tenancy.UserId], await ListIdsAsync(context));
    }

    [Fact]
    public async Task A_failing_walkthrough_stops_with_the_service_error_and_still_deletes_what_it_created()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        context.Emulator.Faults.Enqueue("GET /20160918/users/{userId}", OciFault.Error(503, "ServiceUnavailable"));
        using var output = new StringWriter();

        OciServiceException e = await Assert.ThrowsAsync<OciServiceException>(
            () => new Walkthrough(context.Http, context.Tenancy.TenancyId, output, extraUsers: 2).RunAsync());

        Assert.Equal("ServiceUnavailable", e.ServiceCode);
        Assert.DoesNotContain(Done, output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("3. List users", output.ToString(), StringComparison.Ordinal);
        Assert.Equal([context.Tenancy.UserId], await ListIdsAsync(context));
    }

    // ---- SampleOptions ----------------------------------------------------------------------------------------

    [Fact]
    public void No_arguments_mean_the_embedded_emulator()
    {
        SampleOptions options = SampleOptions.Parse([]);

        Assert.True(options.UseEmulator);
        Assert.Null(options.ConfigFile);
        Assert.Equal("DEFAULT", options.Profile);
        Assert.Null(options.Endpoint);
        Assert.Null(options.Region);
        Assert.Null(options.CompartmentId);
    }

    [Fact]
    public void Every_option_is_read()
    {
        SampleOptions options = SampleOptions.Parse(
            ["--config-file", "/tmp/cfg", "--profile", "ADMIN", "--endpoint", "https://identity.example.com", "--compartment-id", "ocid1.compartment.oc1..x"]);
        SampleOptions withRegion = SampleOptions.Parse(["--region", "eu-frankfurt-1", "--config-file", "cfg"]);

        Assert.False(options.UseEmulator);
        Assert.Equal("/tmp/cfg", options.ConfigFile);
        Assert.Equal("ADMIN", options.Profile);
        Assert.Equal(new Uri("https://identity.example.com"), options.Endpoint);
        Assert.Equal("ocid1.compartment.oc1..x", options.CompartmentId);
        Assert.Equal("eu-frankfurt-1", withRegion.Region);
        Assert.Equal("cfg", withRegion.ConfigFile);
    }

    [Theory]
    [InlineData(new[] { "--verbose" }, "Unknown argument '--verbose'.")]
    [InlineData(new[] { "extra" }, "Unknown argument 'extra'.")]
    [InlineData(new[] { "--config-file", "cfg", "--Profile", "X" }, "Unknown argument '--Profile'.")]
    [InlineData(new[] { "--config-file" }, "'--config-file' needs a value.")]
    [InlineData(new[] { "--config-file", "cfg", "--profile" }, "'--profile' needs a value.")]
    [InlineData(new[] { "--config-file", "--profile", "X" }, "'--config-file' needs a value.")]
    [InlineData(new[] { "--config-file", "" }, "'--config-file' needs a value.")]
    [InlineData(new[] { "--config-file", "cfg", "--profile", " " }, "'--profile' needs a value.")]
    [InlineData(new[] { "--config-file", "a", "--config-file", "b" }, "'--config-file' is given twice.")]
    [InlineData(new[] { "--config-file", "a", "--region", "r1", "--region", "r1" }, "'--region' is given twice.")]
    [InlineData(new[] { "--config-file", "cfg", "--region", "us-ashburn-1", "--endpoint", "https://x.example.com" }, "Give --endpoint or --region, not both.")]
    [InlineData(new[] { "--profile", "ADMIN" }, "'--profile' only applies to a real tenancy: add --config-file.")]
    [InlineData(new[] { "--region", "us-phoenix-1", "--compartment-id", "c" }, "'--region' only applies to a real tenancy: add --config-file.")]
    [InlineData(new[] { "--endpoint", "https://x.example.com" }, "'--endpoint' only applies to a real tenancy: add --config-file.")]
    [InlineData(new[] { "--config-file", "cfg", "--endpoint", "ftp://x.example.com" }, "--endpoint 'ftp://x.example.com' is not an absolute http(s) URL.")]
    [InlineData(new[] { "--config-file", "cfg", "--endpoint", "identity.example.com" }, "--endpoint 'identity.example.com' is not an absolute http(s) URL.")]
    public void Bad_arguments_get_a_clear_message(string[] args, string message)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => SampleOptions.Parse(args));

        Assert.Equal(message, e.Message);
    }

    // ---- the sample as a process ------------------------------------------------------------------------------

    [Fact]
    public async Task The_sample_runs_end_to_end_against_its_embedded_emulator()
    {
        ProcessResult result = await SampleProcess.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(Done, result.Stdout, StringComparison.Ordinal);
        Assert.Contains("OciRaw sample: Identity users", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"Endpoint: http://127\.0\.0\.1:\d+/ \(the embedded OCI emulator", result.Stdout);
        Assert.Contains("6. The same create as a raw request", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public async Task The_sample_runs_against_a_tenancy_given_by_config_file_and_endpoint()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        ProcessResult result = await SampleProcess.RunAsync(
            "--config-file", context.Tenancy.ConfigFile, "--endpoint", context.Emulator.BaseAddress.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Endpoint: {context.Emulator.BaseAddress} (profile [DEFAULT] of {context.Tenancy.ConfigFile})", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(Done, result.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stderr); // no key-permission warning: the key file is owner-only
        Assert.Empty(context.Emulator.AuthenticationFailures);
        Assert.True(context.Emulator.Faults.CallCount("POST /20160918/users") >= 3);
        Assert.Equal([context.Tenancy.UserId], await ListIdsAsync(context));
    }

    [Fact]
    public async Task A_missing_config_file_exits_2_with_a_clear_message_and_no_stack_trace()
    {
        ProcessResult result = await SampleProcess.RunAsync("--config-file", "/nonexistent");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("Error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("/nonexistent", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("does not exist", result.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(result.Stderr);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task A_bad_argument_exits_2_with_the_message_and_the_usage()
    {
        ProcessResult result = await SampleProcess.RunAsync("--region", "us-ashburn-1");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("Error: '--region' only applies to a real tenancy: add --config-file.", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(SampleOptions.Usage, result.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(result.Stderr);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task A_missing_profile_exits_2_with_a_clear_message()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        ProcessResult result = await SampleProcess.RunAsync(
            "--config-file", context.Tenancy.ConfigFile, "--profile", "NOPE", "--endpoint", context.Emulator.BaseAddress.ToString());

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("Error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("NOPE", result.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(result.Stderr);
        Assert.Equal(0, context.Emulator.Faults.CallCount("POST /20160918/users"));
    }

    [Fact]
    public async Task An_endpoint_with_a_path_exits_2_before_sending_anything()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        ProcessResult result = await SampleProcess.RunAsync(
            "--config-file", context.Tenancy.ConfigFile, "--endpoint", new Uri(context.Emulator.BaseAddress, "/identity/").ToString());

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("Error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("BaseAddress without a path", result.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(result.Stderr);
        Assert.Equal(0, context.Emulator.Faults.CallCount("POST /20160918/users"));
    }

    [Fact]
    public async Task A_key_the_service_does_not_know_exits_1_with_the_service_error()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        await using OciEmulator elsewhere = await OciEmulator.StartAsync();
        TestTenancy foreign = elsewhere.CreateTenancy();

        ProcessResult result = await SampleProcess.RunAsync("--config-file", foreign.ConfigFile, "--endpoint", context.Emulator.BaseAddress.ToString());

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("Failed: 401 NotAuthenticated: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("opc-request-id", result.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(result.Stderr);
        Assert.StartsWith("POST /20160918/users: unknown keyId", context.Emulator.AuthenticationFailures[0], StringComparison.Ordinal);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static System.Text.RegularExpressions.Match AssertLine(string[] lines, string pattern)
    {
        System.Text.RegularExpressions.Match? match = lines
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, pattern))
            .FirstOrDefault(m => m.Success);
        Assert.True(match is not null, $"No line matches {pattern}:\n{string.Join('\n', lines)}");
        return match!;
    }

    /// <summary>Each expected text starts a line, in this order.</summary>
    private static void AssertInOrder(string[] lines, params string[] expected)
    {
        int position = 0;
        foreach (string start in expected)
        {
            int found = Array.FindIndex(lines, position, l => l.StartsWith(start, StringComparison.Ordinal));
            Assert.True(found >= 0, $"No line starting with '{start}' after line {position}:\n{string.Join('\n', lines)}");
            position = found + 1;
        }
    }

    private static void AssertNoStackTrace(string text)
    {
        Assert.DoesNotMatch(@"^\s+at \S+\(", text);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", text, StringComparison.Ordinal);
    }

    private static async Task<List<string>> ListIdsAsync(EmulatorContext context)
    {
        var ids = new List<string>();
        await foreach (User user in context.Users.ListUsersAsync(context.Tenancy.TenancyId))
        {
            ids.Add(user.Id);
        }

        return ids;
    }
}
