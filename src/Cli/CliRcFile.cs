namespace OciRaw.Cli;

/// <summary>
/// The OCI CLI's rc file (<c>oci_cli_rc</c>): <c>default_profile</c> and <c>proxy</c> of [OCI_CLI_SETTINGS], and the
/// named queries of [OCI_CLI_CANNED_QUERIES] (<c>--query query://name</c>). Found as cli_root.eager_load_cli_rc_file
/// finds it: --cli-rc-file, else $OCI_CLI_RC_FILE, else ~/.oci/oci_cli_rc, else ~/.oci/cli-defaults; a file that does
/// not exist is skipped without an error, as the OCI CLI skips it.
/// </summary>
internal sealed class CliRcFile
{
    private const string SettingsSection = "OCI_CLI_SETTINGS";
    private const string CannedQueriesSection = "OCI_CLI_CANNED_QUERIES";

    private readonly Dictionary<string, Dictionary<string, string>> _sections;

    private CliRcFile(string? path, Dictionary<string, Dictionary<string, string>> sections)
    {
        FilePath = path;
        _sections = sections;
    }

    /// <summary>The file that was read, or null when none exists.</summary>
    public string? FilePath { get; }

    public string? DefaultProfile => Setting(SettingsSection, "default_profile");

    public string? Proxy => Setting(SettingsSection, "proxy");

    /// <summary>The query named <paramref name="name"/> in [OCI_CLI_CANNED_QUERIES], or null.</summary>
    public string? CannedQuery(string name) => Setting(CannedQueriesSection, name);

    public static CliRcFile Load(string? explicitPath)
    {
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string?[] candidates =
        [
            explicitPath,
            CliEnvironment.Get(CliEnvironment.RcFile),
            Path.Combine(home, ".oci", "oci_cli_rc"),
            Path.Combine(home, ".oci", "cli-defaults"),
        ];
        foreach (string? candidate in candidates)
        {
            if (candidate is not null && ExpandHome(candidate, home) is var path && File.Exists(path))
            {
                return new CliRcFile(path, Parse(File.ReadAllLines(path)));
            }
        }

        return new CliRcFile(null, []);
    }

    private string? Setting(string section, string key) =>
        _sections.TryGetValue(section, out Dictionary<string, string>? values) && values.TryGetValue(key.ToLowerInvariant(), out string? value) && value.Length > 0
            ? value
            : null;

    /// <summary>Python configparser's format: [section], key = value or key: value, indented continuation lines, # and ; comments.</summary>
    private static Dictionary<string, Dictionary<string, string>> Parse(string[] lines)
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        string? lastKey = null;
        foreach (string line in lines)
        {
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
            {
                continue;
            }

            if (char.IsWhiteSpace(line[0]) && current is not null && lastKey is not null)
            {
                current[lastKey] = (current[lastKey] + "\n" + trimmed).Trim();
                continue;
            }

            if (trimmed.StartsWith('[') && trimmed.EndsWith(']'))
            {
                string name = trimmed[1..^1].Trim();
                current = sections.TryGetValue(name, out Dictionary<string, string>? existing) ? existing : sections[name] = new(StringComparer.Ordinal);
                lastKey = null;
                continue;
            }

            int separator = trimmed.IndexOfAny(['=', ':']);
            if (current is null || separator <= 0)
            {
                continue;
            }

            lastKey = trimmed[..separator].Trim().ToLowerInvariant();
            current[lastKey] = trimmed[(separator + 1)..].Trim();
        }

        return sections;
    }

    private static string ExpandHome(string path, string home) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal) ? home + path[1..] : Environment.ExpandEnvironmentVariables(path);
}
