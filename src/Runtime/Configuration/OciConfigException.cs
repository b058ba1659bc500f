namespace OciRaw;

/// <summary>
/// A config file or profile cannot be used. One exception carries every problem found in the profile, each with its
/// key and line; the message names the file and profile and links the OCI configuration docs. Secret values
/// (pass phrases) never appear.
/// </summary>
public sealed class OciConfigException : OciException
{
    /// <summary>The OCI page that explains the config file.</summary>
    public const string DocsUrl = "https://docs.oracle.com/en-us/iaas/Content/API/Concepts/sdkconfig.htm";

    internal OciConfigException(string filePath, string? profile, IReadOnlyList<OciConfigProblem> problems, Exception? innerException = null)
        : base(FormatMessage(filePath, profile, problems), innerException)
    {
        FilePath = filePath;
        Profile = profile;
        Problems = problems;
    }

    /// <summary>The config file (full path).</summary>
    public string FilePath { get; }

    /// <summary>The profile that was asked for, or null when the file itself is unusable.</summary>
    public string? Profile { get; }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<OciConfigProblem> Problems { get; }

    private static string FormatMessage(string filePath, string? profile, IReadOnlyList<OciConfigProblem> problems)
    {
        string where = profile is null ? $"Config file '{filePath}'" : $"Profile [{profile}] of config file '{filePath}'";
        string header = problems.Count == 1 ? $"{where} has a problem:" : $"{where} has {problems.Count} problems:";
        return header + Environment.NewLine
            + string.Join(Environment.NewLine, problems.Select(p => "  - " + p))
            + Environment.NewLine + "See " + DocsUrl;
    }
}
