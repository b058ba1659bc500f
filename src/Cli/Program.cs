return await OciRaw.Cli.CliApplication.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
