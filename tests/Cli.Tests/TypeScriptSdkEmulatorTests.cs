using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;

namespace OciRaw.Tests;

/// <summary>
/// A real OCI client that OciRaw did not write, Oracle's OCI TypeScript SDK (oci-objectstorage, oci-identity and
/// oci-common from npm, pinned by OciTypeScriptSdk/package-lock.json), driving the standalone <c>ociraw emulator</c>
/// through OciTypeScriptSdk/drive-emulator.js. npm installs into the test's output folder (never committed), once per
/// lock file.
/// </summary>
public sealed class TypeScriptSdkEmulatorTests
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    [NodeFact]
    public async Task The_oci_typescript_sdk_runs_object_storage_and_identity_calls_against_ociraw_emulator()
    {
        string project = await InstallAsync();
        using EmulatorProcess emulator = await EmulatorProcess.StartAsync();
        EmulatorBanner banner = emulator.Banner;

        (int exitCode, string stdout, string stderr) = await RunAsync(NodeFactAttribute.FindOnPath("node")!, project, TimeSpan.FromMinutes(2),
            "drive-emulator.js", banner.Endpoint.GetLeftPart(UriPartial.Authority), banner.ConfigFile, banner.TenancyId);

        Assert.True(exitCode == 0, $"node exited {exitCode}\nstdout: {stdout}\nstderr: {stderr}\nemulator stderr: {emulator.Stderr}");
        using JsonDocument document = JsonDocument.Parse(stdout);
        JsonElement result = document.RootElement;
        Assert.Equal(banner.Namespace, result.GetProperty("namespace").GetString());
        Assert.Equal(banner.TenancyId, result.GetProperty("bucket").GetProperty("compartmentId").GetString());

        // The bytes come back as they went, with their content type and metadata; every MD5 is the content's.
        const string Content = "Hello from the OCI TypeScript SDK, é and all.\n";
#pragma warning disable CA5351 // Object Storage's content-md5 is MD5 by definition: a checksum, not a protection.
        string md5 = Convert.ToBase64String(MD5.HashData(System.Text.Encoding.UTF8.GetBytes(Content)));
#pragma warning restore CA5351
        JsonElement get = result.GetProperty("get");
        Assert.True(get.GetProperty("sameBytes").GetBoolean(), get.ToString());
        Assert.Equal("text/plain", get.GetProperty("contentType").GetString());
        Assert.Equal("typescript-sdk", get.GetProperty("opcMeta").GetProperty("opc-meta-origin").GetString());
        Assert.Equal(md5, result.GetProperty("put").GetProperty("opcContentMd5").GetString());
        Assert.Equal(result.GetProperty("put").GetProperty("eTag").GetString(), get.GetProperty("eTag").GetString());
        JsonElement listed = Assert.Single(result.GetProperty("list").EnumerateArray());
        Assert.Equal(("greetings/hello.txt", 47, md5), (listed.GetProperty("name").GetString(), listed.GetProperty("size").GetInt32(), listed.GetProperty("md5").GetString()));
        Assert.Equal((47, md5), (result.GetProperty("head").GetProperty("contentLength").GetInt32(), result.GetProperty("head").GetProperty("contentMd5").GetString()));

        // Deletes took effect, and the SDK read OCI's error shapes (HEAD has no body; GetBucket names the code).
        Assert.Equal(404, result.GetProperty("headAfterDelete").GetProperty("statusCode").GetInt32());
        Assert.Equal("BucketNotFound", result.GetProperty("getBucketAfterDelete").GetProperty("serviceCode").GetString());

        // Its POST lists the signed headers capitalized ("Content-Type Content-Length"): accepted, as OCI accepts it.
        Assert.Equal("ACTIVE", result.GetProperty("createdUser").GetProperty("lifecycleState").GetString());
        Assert.Equal(["ociraw-emulator-user", "ts-sdk-user"], result.GetProperty("users").EnumerateArray().Select(u => u.GetString()!));
        Assert.DoesNotContain("Rejected", emulator.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, await emulator.TerminateAsync());
    }

    /// <summary>Copies the npm project next to the tests and runs <c>npm ci</c> there unless the same lock file was installed.</summary>
    private static async Task<string> InstallAsync()
    {
        string source = Path.Combine(AppContext.BaseDirectory, "OciTypeScriptSdk");
        string project = Path.Combine(AppContext.BaseDirectory, "oci-typescript-sdk-run");
        string lockHash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(source, "package-lock.json"))));
        string marker = Path.Combine(project, "node_modules", ".ociraw-lock-hash");
        await InstallGate.WaitAsync();
        try
        {
            Directory.CreateDirectory(project);
            foreach (string file in Directory.GetFiles(source))
            {
                File.Copy(file, Path.Combine(project, Path.GetFileName(file)), overwrite: true);
            }

            if (File.Exists(marker) && File.ReadAllText(marker) == lockHash)
            {
                return project;
            }

            (int exitCode, string stdout, string stderr) = await RunAsync(NodeFactAttribute.FindOnPath("npm")!, project, TimeSpan.FromMinutes(5),
                "ci", "--ignore-scripts", "--no-audit", "--no-fund");
            Assert.True(exitCode == 0, $"npm ci failed ({exitCode}) in {project}; the registry must be reachable.\nstdout: {stdout}\nstderr: {stderr}");
            File.WriteAllText(marker, lockHash);
            return project;
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string program, string directory, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(program)} {string.Join(' ', args)} did not end within {timeout.TotalMinutes} minutes.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
