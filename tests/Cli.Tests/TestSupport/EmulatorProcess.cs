using System.Diagnostics;
using System.Text;

namespace OciRaw.Tests;

/// <summary>
/// <c>ociraw emulator</c> as its own process (<c>dotnet OciRaw.Cli.dll emulator</c>, the build next to the tests), as a
/// user starts it: the tests read its banner, call it, and stop it with SIGTERM as a service manager would.
/// </summary>
internal sealed class EmulatorProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private EmulatorProcess(Process process) => _process = process;

    public EmulatorBanner Banner { get; private set; } = null!;

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static async Task<EmulatorProcess> StartAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OciRaw.Cli.dll"));
        start.ArgumentList.Add("emulator");
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var emulator = new EmulatorProcess(Process.Start(start)!);
        emulator._process.OutputDataReceived += (_, e) => Append(emulator._stdout, e.Data);
        emulator._process.ErrorDataReceived += (_, e) => Append(emulator._stderr, e.Data);
        emulator._process.BeginOutputReadLine();
        emulator._process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!emulator.StdoutText().Contains(EmulatorBanner.ReadyLine, StringComparison.Ordinal))
        {
            if (emulator._process.HasExited || DateTime.UtcNow > deadline)
            {
                string why = emulator._process.HasExited ? $"exited with {emulator._process.ExitCode}" : "was not ready within 90 s";
                emulator.Dispose();
                Assert.Fail($"ociraw emulator {why}.\nstdout: {emulator.StdoutText()}\nstderr: {emulator.Stderr}");
            }

            await Task.Delay(100);
        }

        emulator.Banner = EmulatorBanner.Parse(emulator.StdoutText());
        return emulator;
    }

    /// <summary>Sends SIGTERM and returns the exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        // kill(1) sends exactly SIGTERM; Process.Kill would send SIGKILL, which no program can clean up after.
        using (Process kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
            Assert.Equal(0, kill.ExitCode);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private string StdoutText()
    {
        lock (_stdout)
        {
            return _stdout.ToString();
        }
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is not null)
        {
            lock (text)
            {
                text.Append(line).Append('\n');
            }
        }
    }
}
