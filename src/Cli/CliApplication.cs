using System.CommandLine;
using System.CommandLine.Invocation;

namespace OciRaw.Cli;

/// <summary>
/// The <c>ociraw</c> entry point. Every failure the user can cause ends here as one clear line on stderr and a
/// non-zero exit code, never as a stack trace.
/// </summary>
internal static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var commandLine = new RawRequestCommandLine();
        RootCommand root = commandLine.CreateRoot((parse, ct) => RunRawRequestAsync(commandLine, parse, stdout, stderr, ct));
        var emulator = new EmulatorCommandLine();
        root.Subcommands.Add(emulator.CreateCommand((parse, ct) => RunEmulatorAsync(emulator, commandLine, parse, stdout, stderr, ct)));
        ParseResult parse = root.Parse(LegacyArguments.Rewrite(args));
        if (parse.Action is ParseErrorAction)
        {
            foreach (System.CommandLine.Parsing.ParseError error in parse.Errors)
            {
                await stderr.WriteLineAsync("Error: " + error.Message).ConfigureAwait(false);
            }

            bool emulatorCommand = parse.CommandResult.Command.Name == "emulator";
            await stderr.WriteLineAsync(Environment.NewLine + (emulatorCommand ? EmulatorCommandLine.UsageLine : RawRequestCommandLine.UsageLine) + Environment.NewLine +
                $"Run 'ociraw {(emulatorCommand ? "emulator" : "raw-request")} --help' for every option.").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    private static Task<int> RunRawRequestAsync(RawRequestCommandLine commandLine, ParseResult parse, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        ReportErrorsAsync(RawRequestCommandLine.UsageLine, stderr, () =>
            RawRequestCommand.RunAsync(RawRequestOptions.Bind(commandLine, parse), stdout, stderr, cancellationToken));

    private static Task<int> RunEmulatorAsync(EmulatorCommandLine commandLine, RawRequestCommandLine rawRequest, ParseResult parse, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        ReportErrorsAsync(EmulatorCommandLine.UsageLine, stderr, () =>
        {
            // The global options are recursive for raw-request's sake; given to the emulator they would be silently ignored.
            if (rawRequest.GlobalOptions.FirstOrDefault(option => parse.GetResult(option) is { Implicit: false }) is { } misplaced)
            {
                throw new CliUsageException($"{misplaced.Name} applies to raw-request; the emulator takes only --port and --state-dir.");
            }

            return EmulatorCommand.RunAsync(parse.GetValue(commandLine.Port), parse.GetValue(commandLine.StateDirectory), stdout, stderr, cancellationToken);
        });

    private static async Task<int> ReportErrorsAsync(string usageLine, TextWriter stderr, Func<Task<int>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (CliUsageException e)
        {
            await stderr.WriteLineAsync($"Error: {e.Message}{Environment.NewLine}{Environment.NewLine}{usageLine}").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
        catch (Exception e) when (e is OciException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            // These messages are written for people and carry no secrets (see SecretRedaction and the leak tests).
            await stderr.WriteLineAsync("Error: " + e.Message).ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
    }
}
