using System.CommandLine;

namespace OciRaw.Cli;

/// <summary>The options of <c>ociraw emulator</c>.</summary>
internal sealed class EmulatorCommandLine
{
    public const string UsageLine = "Usage: ociraw emulator [--port PORT] [--state-dir DIR]";

    public Option<int> Port { get; } = new("--port")
    {
        Description = "loopback port to listen on (default 0: a free port, printed at start)",
        HelpName = "PORT",
    };

    public Option<string> StateDirectory { get; } = new("--state-dir")
    {
        Description = "folder for the config file, API key and object bytes, kept at exit; a restart reopens the same tenancy there " +
            "(default: a temporary folder deleted at exit)",
        HelpName = "DIR",
    };

    /// <summary>The <c>emulator</c> command; <paramref name="run"/> runs it.</summary>
    public Command CreateCommand(Func<ParseResult, CancellationToken, Task<int>> run)
    {
        var command = new Command("emulator", "Serve OCI's Identity users API and Object Storage on 127.0.0.1, signatures verified as OCI verifies " +
            "them, for any OCI SDK or the OCI CLI (--endpoint). Writes an OCI config file and API key for them and prints their paths, the " +
            "endpoint, the tenancy and user OCIDs and the Object Storage namespace. Ctrl+C or SIGTERM stops it (exit 0).")
        {
            Port, StateDirectory,
        };
        command.SetAction(run);
        return command;
    }
}
