using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Sdk;

namespace OciRaw.Package.Tests.TestSupport;

/// <summary>
/// Runs the dotnet CLI as a child process, the way a user would, and keeps everything it printed for the assertion
/// messages. No process outlives a call: MSBuild node reuse, the MSBuild server and the compiler server are off.
/// </summary>
internal static partial class Dotnet
{
    /// <summary>Long enough for a cold build on a loaded 2-core CI machine; a hung child is killed and reported.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Variables an outer dotnet/MSBuild (the one running these tests) may have set for itself; the child must find its
    /// own SDK from its working folder's global.json.
    /// </summary>
    private static readonly string[] InheritedMSBuildVariables =
    [
        "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly",
        "MSBUILDNOINPROCNODE", "_MSBUILDTLENABLED", "NUGET_PACKAGES",
    ];

    /// <summary>Runs <c>dotnet args</c> in <paramref name="workingDirectory"/>; throws (with the output) only on a timeout.</summary>
    public static async Task<DotnetResult> RunAsync(string workingDirectory, IEnumerable<string> args, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(HostPath())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (string name in InheritedMSBuildVariables)
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";

        string commandLine = "dotnet " + string.Join(' ', start.ArgumentList);
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        TimeSpan limit = timeout ?? DefaultTimeout;
        using var cancel = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"'{commandLine}' did not finish within {limit}; it was killed. Output so far:\n{Text(output)}");
        }

        process.WaitForExit(); // drains the output events
        return new DotnetResult(commandLine, workingDirectory, process.ExitCode, Text(output), stopwatch.Elapsed);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    /// <summary>The dotnet host running these tests (the CLI names it in DOTNET_HOST_PATH), else 'dotnet' on PATH.</summary>
    private static string HostPath()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        string? current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}

/// <summary>What a dotnet command printed (stdout and stderr, interleaved as they arrived) and how it ended.</summary>
public sealed partial record DotnetResult(string CommandLine, string WorkingDirectory, int ExitCode, string Output, TimeSpan Elapsed)
{
    /// <summary>Distinct MSBuild/compiler diagnostics of a severity (the summary repeats each one), e.g. "CS0117".</summary>
    public IReadOnlyList<BuildMessage> Diagnostics(string severity) =>
        DiagnosticLine().Matches(Output)
            .Where(m => m.Groups["severity"].Value == severity)
            .Select(m => new BuildMessage(m.Groups["code"].Value, m.Groups["text"].Value.Trim()))
            .Distinct()
            .ToArray();

    public DotnetResult AssertSucceeded()
    {
        if (ExitCode != 0)
        {
            throw Failure($"exited with {ExitCode}");
        }

        return this;
    }

    /// <summary>An assertion failure that carries the whole command output.</summary>
    public XunitException Failure(string what) => new($"'{CommandLine}' (in {WorkingDirectory}) {what}.\n{this}");

    public override string ToString() => $"--- output of '{CommandLine}' (exit {ExitCode}, {Elapsed.TotalSeconds:F1} s) ---\n{Output}--- end of output ---";

    [GeneratedRegex(@"^.*?:\s(?<severity>warning|error)\s(?<code>[A-Za-z]+\d+)\s*:\s(?<text>.*?)(\s\[[^\]]*\])?$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}

/// <summary>One diagnostic from a build log: its code and message (without the trailing [project] part).</summary>
public sealed record BuildMessage(string Code, string Text);
