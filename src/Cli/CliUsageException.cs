namespace OciRaw.Cli;

/// <summary>The command line is wrong: the message says which option and why, and usage is printed after it.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
