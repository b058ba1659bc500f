using System.Net;
using System.Text.RegularExpressions;
using OciRaw.Samples.ObjectStorage;
using OciRaw.Samples.ObjectStorage.Models;
using OciRaw.Testing.Tests.TestSupport;
using static OciRaw.Testing.Tests.TestSupport.ObjectStorageClient;

namespace OciRaw.Testing.Tests;

/// <summary>The ObjectStorage sample: its walkthrough in-process, its options, its progress line, and the sample as a process.</summary>
public sealed class ObjectStorageSampleTests : IDisposable
{
    private const string Done = "Done: the object came back byte for byte, and everything was deleted.";
    private const string UploadPartRoute = "PUT /n/{namespaceName}/b/{bucketName}/u/{objectName}";

    private readonly string _tempDirectory = Directory.CreateTempSubdirectory("ociraw-sample-test-").FullName;

    [Fact]
    public async Task The_walkthrough_uploads_in_parallel_parts_each_with_its_md5_downloads_compares_and_deletes_everything()
    {
        await using ObjectStorageClient os = await ObjectStorageClient.StartAsync();
        using var output = new StringWriter();
        var walkthrough = new UploadWalkthrough(os.Client, os.CompartmentId, output, Settings(size: 1024 * 1024 + 5));

        await walkthrough.RunAsync();

        string text = output.ToString();
        string[] lines = text.Split(Environment.NewLine);
        AssertInOrder(lines,
            "1. Create a bucket",
            $"   namespace {os.Namespace}, bucket ociraw-sample-",
            "2. Generate a file of 1 MiB",
            "3. Upload it in 9 parts of 0.1 MiB, 3 at a time, each with its content-md5",
            "   uploaded     1.0 of 1.0 MiB (100%), 9 of 9 parts, ",
            "   committed data/ociraw-sample-",
            "4. List the bucket",
            "   data/ociraw-sample-",
            "5. Download it as a stream and compare SHA-256",
            "   1048581 bytes in ",
            "   same SHA-256 as the generated file: yes",
            "6. Read its metadata with HEAD",
            "   content-length 1048581, content-type application/octet-stream, etag ",
            "   opc-meta-*: generator=ociraw-sample, size=1048581",
            "7. Delete the object and the bucket",
            "   deleted",
            "Upload: 1 MiB in 9 parts (3 at a time) in ",
            Done);
        string generated = Regex.Match(text, @"2\. Generate.*\n   (.+\.bin): SHA-256 ([0-9a-f]{64})").Groups[2].Value;
        Assert.Contains($"SHA-256 {generated}", lines.Single(l => l.StartsWith("   1048581 bytes in ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(9, walkthrough.Measurement!.Parts);
        Assert.Equal(1024 * 1024 + 5, walkthrough.Measurement.Bytes);
        Assert.Equal(9, os.Emulator.Faults.CallCount(UploadPartRoute));
        List<SentRequest> parts = os.Tap.Sent.Where(r => r.Method == "PUT" && r.Uri.AbsolutePath.Contains("/u/", StringComparison.Ordinal)).ToList();
        Assert.All(parts, p => Assert.Equal(Md5(p.Body), p.Header("content-md5")));
        Assert.All(parts, p => Assert.Equal("date (request-target) host", p.AuthorizationParameter("headers")));
        Assert.Equal(Enumerable.Range(1, 9), parts.Select(p => int.Parse(Regex.Match(p.Uri.Query, @"uploadPartNum=(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Order());
        Assert.Equal([.. Enumerable.Repeat(128 * 1024, 8), 5], parts.Select(p => p.Body.Length).OrderDescending());
        await AssertNothingLeftAsync(os);
    }

    [Fact]
    public async Task A_failing_part_aborts_the_upload_and_the_walkthrough_still_deletes_the_bucket_and_the_file()
    {
        await using ObjectStorageClient os = await ObjectStorageClient.StartAsync();
        os.Emulator.Faults.Enqueue(UploadPartRoute, OciFault.Error(400, "InvalidParameter", "a part the test refuses"));
        using var output = new StringWriter();

        OciServiceException e = await Assert.ThrowsAsync<OciServiceException>(
            () => new UploadWalkthrough(os.Client, os.CompartmentId, output, Settings(size: 512 * 1024)).RunAsync());

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal("InvalidParameter", e.ServiceCode);
        Assert.Equal(1, os.Emulator.Faults.CallCount("DELETE /n/{namespaceName}/b/{bucketName}/u/{objectName}"));
        Assert.DoesNotContain(Done, output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("could not delete", output.ToString(), StringComparison.Ordinal);
        await AssertNothingLeftAsync(os);
    }

    [Fact]
    public async Task The_uploader_checks_the_services_multipart_md5_against_its_own()
    {
        await using ObjectStorageClient os = await ObjectStorageClient.StartAsync();
        await os.CreateBucketAsync("b");
        string file = Path.Combine(_tempDirectory, "f.bin");
        byte[] content = Filled(1000, 5);
        await File.WriteAllBytesAsync(file, content);

        CommitMultipartUploadResult committed = await new MultipartFileUploader(os.Client, os.Namespace, "b", 300, 2)
            .UploadAsync(file, new CreateMultipartUploadDetails("o"));

        byte[][] parts = [content[..300], content[300..600], content[600..900], content[900..]];
        Assert.Equal(MultipartFileUploader.MultipartMd5([.. parts.Select(System.Security.Cryptography.MD5.HashData)]), committed.OpcMultipartMd5);
        Assert.EndsWith("-4", committed.OpcMultipartMd5, StringComparison.Ordinal);
        Assert.Equal(content, await os.GetBytesAsync("b", "o"));
    }

    // ---- ProgressLine -----------------------------------------------------------------------------------------

    [Fact]
    public void Redirected_progress_is_a_plain_line_per_tenth_and_the_last_says_100_percent()
    {
        using var output = new StringWriter();
        var progress = new ProgressLine(output, inPlace: false, total: 400, parts: 4);

        for (int i = 0; i < 4; i++)
        {
            progress.PartDone(100);
        }

        progress.Finish();

        string[] lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.DoesNotContain('\r', output.ToString());
        Assert.Contains("( 25%), 1 of 4 parts", lines[0], StringComparison.Ordinal);
        Assert.Contains("(100%), 4 of 4 parts", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Console_progress_rewrites_one_line_in_place_and_ends_it()
    {
        using var output = new StringWriter();
        var progress = new ProgressLine(output, inPlace: true, total: 200, parts: 2);

        progress.PartDone(100);
        progress.PartDone(100);
        progress.Finish();

        string text = output.ToString();
        Assert.StartsWith("\r", text, StringComparison.Ordinal);
        Assert.EndsWith(Environment.NewLine, text, StringComparison.Ordinal);
        Assert.Single(text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("(100%), 2 of 2 parts", text[text.LastIndexOf('\r')..], StringComparison.Ordinal);
    }

    // ---- SampleOptions ----------------------------------------------------------------------------------------

    [Fact]
    public void No_arguments_mean_256_MiB_4_at_a_time_on_the_embedded_emulator()
    {
        SampleOptions options = SampleOptions.Parse([]);

        Assert.True(options.UseEmulator);
        Assert.Equal(256L * 1024 * 1024, options.Size);
        Assert.Equal(4, options.Parallelism);
        Assert.Equal("DEFAULT", options.Profile);
        Assert.Null(options.Region);
        Assert.Equal(16 * 1024 * 1024, SampleOptions.PartSize);
    }

    [Fact]
    public void Every_option_is_read()
    {
        SampleOptions options = SampleOptions.Parse(["--size", "48", "--parallelism", "8", "--config-file", "cfg", "--profile", "P", "--region", "iad", "--compartment-id", "ocid1.compartment.oc1..x"]);
        SampleOptions withEndpoint = SampleOptions.Parse(["--config-file", "cfg", "--endpoint", "http://127.0.0.1:1234"]);

        Assert.False(options.UseEmulator);
        Assert.Equal(48L * 1024 * 1024, options.Size);
        Assert.Equal(8, options.Parallelism);
        Assert.Equal("cfg", options.ConfigFile);
        Assert.Equal("P", options.Profile);
        Assert.Equal("iad", options.Region);
        Assert.Equal("ocid1.compartment.oc1..x", options.CompartmentId);
        Assert.Equal(new Uri("http://127.0.0.1:1234"), withEndpoint.Endpoint);
        Assert.True(SampleOptions.Parse(["--help"]).ShowHelp);
    }

    [Theory]
    [InlineData("48", 48L * 1024 * 1024)]
    [InlineData("48MiB", 48L * 1024 * 1024)]
    [InlineData("48mib", 48L * 1024 * 1024)]
    [InlineData("512KiB", 512L * 1024)]
    [InlineData("1GiB", 1024L * 1024 * 1024)]
    [InlineData("160000MiB", 160000L * 1024 * 1024)]
    public void Sizes_take_KiB_MiB_and_GiB(string text, long bytes) => Assert.Equal(bytes, SampleOptions.ParseSize(text));

    [Theory]
    [InlineData(new[] { "--verbose" }, "Unknown argument '--verbose'.")]
    [InlineData(new[] { "--size" }, "'--size' needs a value.")]
    [InlineData(new[] { "--size", "" }, "'--size' needs a value.")]
    [InlineData(new[] { "--size", "0" }, "--size '0' is not a size from 1KiB to 156GiB (10000 parts of 16 MiB): write e.g. 48, 48MiB, 512KiB or 1GiB.")]
    [InlineData(new[] { "--size", "12MB" }, "--size '12MB' is not a size from 1KiB to 156GiB (10000 parts of 16 MiB): write e.g. 48, 48MiB, 512KiB or 1GiB.")]
    [InlineData(new[] { "--size", "-5" }, "--size '-5' is not a size from 1KiB to 156GiB (10000 parts of 16 MiB): write e.g. 48, 48MiB, 512KiB or 1GiB.")]
    [InlineData(new[] { "--size", "160001MiB" }, "--size '160001MiB' is not a size from 1KiB to 156GiB (10000 parts of 16 MiB): write e.g. 48, 48MiB, 512KiB or 1GiB.")]
    [InlineData(new[] { "--size", "1.5GiB" }, "--size '1.5GiB' is not a size from 1KiB to 156GiB (10000 parts of 16 MiB): write e.g. 48, 48MiB, 512KiB or 1GiB.")]
    [InlineData(new[] { "--parallelism", "0" }, "--parallelism '0' is not a whole number from 1 to 64.")]
    [InlineData(new[] { "--parallelism", "65" }, "--parallelism '65' is not a whole number from 1 to 64.")]
    [InlineData(new[] { "--parallelism", "four" }, "--parallelism 'four' is not a whole number from 1 to 64.")]
    [InlineData(new[] { "--size", "1", "--size", "2" }, "'--size' is given twice.")]
    [InlineData(new[] { "--region", "iad" }, "'--region' only applies to a real tenancy: add --config-file.")]
    [InlineData(new[] { "--profile", "P" }, "'--profile' only applies to a real tenancy: add --config-file.")]
    [InlineData(new[] { "--config-file", "cfg", "--region", "iad", "--endpoint", "http://x" }, "Give --endpoint or --region, not both.")]
    [InlineData(new[] { "--config-file", "cfg", "--endpoint", "objectstorage.example.com" }, "--endpoint 'objectstorage.example.com' is not an absolute http(s) URL.")]
    public void Bad_arguments_get_a_clear_message(string[] args, string message)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => SampleOptions.Parse(args));

        Assert.Equal(message, e.Message);
    }

    // ---- the sample as a process ------------------------------------------------------------------------------

    [Fact]
    public async Task The_sample_runs_end_to_end_against_its_embedded_emulator()
    {
        ProcessResult result = await SampleProcess.RunObjectStorageAsync("--size", "17MiB", "--parallelism", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("OciRaw sample: Object Storage", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"Endpoint: http://127\.0\.0\.1:\d+/ \(the embedded OCI emulator", result.Stdout);
        Assert.Contains("3. Upload it in 2 parts of 16 MiB, 2 at a time", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"\nUpload: 17 MiB in 2 parts \(2 at a time\) in \d+\.\d\d s = \d+\.\d MiB/s; peak working set \d+(\.\d)? MiB\r?\n", result.Stdout);
        Assert.Contains(Done, result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', result.Stdout); // redirected: plain progress lines, no in-place rewriting
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public async Task The_sample_runs_against_a_tenancy_given_by_config_file_and_endpoint()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        ProcessResult result = await SampleProcess.RunObjectStorageAsync(
            "--size", "300KiB", "--config-file", context.Tenancy.ConfigFile, "--endpoint", context.Emulator.BaseAddress.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"(profile [DEFAULT] of {context.Tenancy.ConfigFile})", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(Done, result.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stderr);
        Assert.Empty(context.Emulator.AuthenticationFailures);
        Assert.Equal(1, context.Emulator.Faults.CallCount(UploadPartRoute));
        Assert.Equal(1, context.Emulator.Faults.CallCount("DELETE /n/{namespaceName}/b/{bucketName}"));
        Assert.Empty(Directory.GetFiles(context.Emulator.ObjectStorageDirectory));
    }

    [Theory]
    [InlineData("--size", "lots", "Error: --size 'lots' is not a size")]
    [InlineData("--region", "iad", "Error: '--region' only applies to a real tenancy: add --config-file.")]
    public async Task A_bad_argument_exits_2_with_the_message_and_the_usage(string name, string value, string message)
    {
        ProcessResult result = await SampleProcess.RunObjectStorageAsync(name, value);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith(message, result.Stderr, StringComparison.Ordinal);
        Assert.Contains(SampleOptions.Usage, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_config_file_and_an_unknown_region_exit_2_with_a_clear_message()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        ProcessResult missing = await SampleProcess.RunObjectStorageAsync("--config-file", "/nonexistent");
        ProcessResult region = await SampleProcess.RunObjectStorageAsync("--config-file", context.Tenancy.ConfigFile, "--region", "xx-nowhere-9");

        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.StartsWith("Error: ", missing.Stderr, StringComparison.Ordinal);
        Assert.Contains("/nonexistent", missing.Stderr, StringComparison.Ordinal);
        Assert.True(region.ExitCode == 2, region.ToString());
        Assert.StartsWith("Error: ", region.Stderr, StringComparison.Ordinal);
        Assert.Contains("xx-nowhere-9", region.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", missing.Stderr + region.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_the_service_does_not_know_exits_1_with_the_service_error()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        await using OciEmulator elsewhere = await OciEmulator.StartAsync();

        ProcessResult result = await SampleProcess.RunObjectStorageAsync(
            "--size", "1", "--config-file", elsewhere.CreateTenancy().ConfigFile, "--endpoint", context.Emulator.BaseAddress.ToString());

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("Failed: 401 NotAuthenticated: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("opc-request-id", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_tempDirectory, recursive: true);

    private UploadSettings Settings(long size) => new(size, Parallelism: 3) { PartSize = 128 * 1024, TempDirectory = _tempDirectory };

    private async Task AssertNothingLeftAsync(ObjectStorageClient os)
    {
        var buckets = new List<BucketSummary>();
        await foreach (BucketSummary bucket in os.Client.ListBucketsAsync(os.Namespace, os.CompartmentId))
        {
            buckets.Add(bucket);
        }

        Assert.Empty(buckets);
        Assert.Empty(os.StoredFiles());
        Assert.Empty(Directory.GetFileSystemEntries(_tempDirectory));
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
}
