using System.Diagnostics;
using OciRaw.Package.Tests.TestSupport;

namespace OciRaw.Package.Tests;

/// <summary>
/// <c>dotnet tool install --global OciRaw.Cli</c> as a user runs it, from a folder feed: the packed tool installs
/// (into a temp tool path, which is what --global does in ~/.dotnet/tools) and the command it adds is <c>ociraw</c>.
/// </summary>
public sealed class ToolInstallTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ociraw-tool-tests-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind must not fail the run.
        }
    }

    [Fact]
    public async Task The_packed_tool_installs_from_a_folder_feed_and_runs_as_ociraw()
    {
        string version = "0.0.0-test" + Guid.NewGuid().ToString("N")[..12];
        string feed = Path.Combine(_root, "feed");
        string tools = Path.Combine(_root, "tools");
        string root = PackedPackage.RepositoryRoot;
        (await Dotnet.RunAsync(root,
        [
            "pack", Path.Combine(root, "src", "Cli", "OciRaw.Cli.csproj"), "--no-build", "--no-restore", "-c", PackedPackage.Configuration, "-o", feed,
            "-nologo", "-tl:off", "-nodeReuse:false", $"-p:Version={version}", $"-p:NuspecOutputPath={Path.Combine(_root, "nuspec")}{Path.DirectorySeparatorChar}",
        ])).AssertSucceeded();
        // Only the folder feed: the machine's sources (nuget.org) must not be able to supply another OciRaw.Cli.
        string nugetConfig = Path.Combine(_root, "nuget.config");
        await File.WriteAllTextAsync(nugetConfig, $"<configuration><packageSources><clear /><add key=\"feed\" value=\"{feed}\" /></packageSources></configuration>");

        (await Dotnet.RunAsync(_root, ["tool", "install", "OciRaw.Cli", "--tool-path", tools, "--version", version, "--configfile", nugetConfig])).AssertSucceeded();

        string ociraw = Path.Combine(tools, OperatingSystem.IsWindows() ? "ociraw.exe" : "ociraw");
        Assert.True(File.Exists(ociraw), $"dotnet tool install did not create {ociraw}");
        (int exitCode, string output) = await RunAsync(ociraw, "raw-request", "--help");
        Assert.True(exitCode == 0, output);
        Assert.Contains("--http-method", output, StringComparison.Ordinal);
        Assert.Contains("--fail-on-error", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string path, params string[] args)
    {
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
