namespace OciRaw.Cli;

/// <summary>
/// The values of <c>--request-body</c> and <c>--request-headers</c>: inline text, or <c>file://path</c> read from a file
/// as the OCI CLI reads it (case-insensitive prefix, <c>~</c> and <c>$VARIABLES</c> expanded; cli_util.get_file).
/// </summary>
internal static class RequestBodySource
{
    public const string FilePrefix = "file://";

    /// <summary>The bytes the value stands for: a file's exact bytes, or the inline text as UTF-8.</summary>
    public static byte[] ReadBytes(string value, string optionName)
    {
        if (!value.StartsWith(FilePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return System.Text.Encoding.UTF8.GetBytes(value);
        }

        string path = ExpandPath(value[FilePrefix.Length..]);
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliUsageException($"{optionName} file '{path}' cannot be read: {e.Message}");
        }
    }

    /// <summary>The text the value stands for (a file is read as UTF-8).</summary>
    public static string ReadText(string value, string optionName) =>
        value.StartsWith(FilePrefix, StringComparison.OrdinalIgnoreCase)
            ? new System.Text.UTF8Encoding(false, false).GetString(ReadBytes(value, optionName))
            : value;

    private static string ExpandPath(string path)
    {
        string expanded = Environment.ExpandEnvironmentVariables(path);
        if (expanded == "~" || expanded.StartsWith("~/", StringComparison.Ordinal))
        {
            expanded = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + expanded[1..];
        }

        return expanded;
    }
}
