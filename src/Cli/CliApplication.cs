namespace OciRaw.Cli;

/// <summary>
/// The <c>ociraw</c> entry point. Every failure the user can cause ends here as one clear line on stderr and a
/// non-zero exit code, never as a stack trace.
/// </summary>
internal static class CliApplication
{
    private const string Usage = """
        Usage: ociraw <command> [options]

        Commands:
          raw-request    send a signed request to any OCI REST API (ociraw raw-request --help)
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            await (args.Length == 0 ? stderr : stdout).WriteLineAsync(Usage).ConfigureAwait(false);
            return args.Length == 0 ? ExitCodes.InvalidInput : ExitCodes.Success;
        }

        if (args[0] != "raw-request")
        {
            await stderr.WriteLineAsync($"Error: unknown command '{args[0]}'.{Environment.NewLine}{Usage}").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        try
        {
            RawRequestOptions? options = RawRequestOptions.Parse(args[1..]);
            if (options is null)
            {
                await stdout.WriteLineAsync(RawRequestOptions.Usage).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            return await RawRequestCommand.RunAsync(options, stdout, stderr, cancellationToken).ConfigureAwait(false);
        }
        catch (CliUsageException e)
        {
            await stderr.WriteLineAsync($"Error: {e.Message}{Environment.NewLine}{Environment.NewLine}{RawRequestOptions.Usage}").ConfigureAwait(false);
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
