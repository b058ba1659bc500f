using System.Diagnostics;

namespace OciRaw.Testing.Tests.TestSupport;

/// <summary>Runs a sample as its own process: <c>dotnet IdentityUsers.dll args</c> (or ObjectStorage.dll).</summary>
internal static class SampleProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>The sample, copied next to this test assembly by the project reference.</summary>
    public static string AssemblyPath { get; } = Path.Combine(AppContext.BaseDirectory, "IdentityUsers.dll");

    public static Task<ProcessResult> RunAsync(params string[] args) => RunSampleAsync(AssemblyPath, args);

    /// <summary>The ObjectStorage sample, copied next to this test assembly by its project reference.</summary>
    public static Task<ProcessResult> RunObjectStorageAsync(params string[] args) =>
        RunSampleAsync(Path.Combine(AppContext.BaseDirectory, "ObjectStorage.dll"), args);

    private static async Task<ProcessResult> RunSampleAsync(string assemblyPath, string[] args)
    {
        Assert.True(File.Exists(assemblyPath), $"The sample was not built next to the tests: {assemblyPath}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(assemblyPath);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Neither the caller's OCI settings nor its home folder may change what the sample does.
        start.Environment.Remove("OCI_CONFIG_FILE");
        start.Environment.Remove("OCI_CLI_PROFILE");

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The sample did not exit within {Timeout}: {await stdout}{await stderr}");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The dotnet host that runs these tests (the CLI names it in DOTNET_HOST_PATH), else 'dotnet' on PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        string? current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}

internal sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
