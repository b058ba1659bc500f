using System.Text.RegularExpressions;

namespace OciRaw;

/// <summary>
/// One profile of an OCI config file (<c>~/.oci/config</c>), with keys inherited from <c>[DEFAULT]</c>. Loading checks
/// the whole profile and reports every problem at once in an <see cref="OciConfigException"/>.
/// </summary>
public sealed partial class OciConfig
{
    /// <summary>The profile used when none is named.</summary>
    public const string DefaultProfile = "DEFAULT";

    /// <summary>Environment variable that supplies the region when the profile has none.</summary>
    public const string RegionEnvironmentVariable = "OCI_REGION";

    private readonly Dictionary<string, ConfigEntry> _entries;

    private OciConfig(string filePath, string profile, Dictionary<string, ConfigEntry> entries)
    {
        FilePath = filePath;
        Profile = profile;
        _entries = entries;
    }

    /// <summary>The config file, as a full path.</summary>
    public string FilePath { get; }

    /// <summary>The profile name.</summary>
    public string Profile { get; }

    /// <summary><c>tenancy</c>: the tenancy OCID.</summary>
    public string? Tenancy => this[OciConfigKeys.Tenancy];

    /// <summary><c>user</c>: the user OCID (absent in session-token profiles).</summary>
    public string? User => this[OciConfigKeys.User];

    /// <summary><c>fingerprint</c>, lowercase.</summary>
    public string? Fingerprint => this[OciConfigKeys.Fingerprint] is { } value ? KeyFingerprint.Normalize(value) : null;

    /// <summary><c>key_file</c>, with <c>~</c> expanded to the home folder.</summary>
    public string? KeyFile => ExpandedPath(OciConfigKeys.KeyFile);

    /// <summary><c>pass_phrase</c> (or <c>passphrase</c>) of an encrypted key.</summary>
    public string? PassPhrase => this[OciConfigKeys.PassPhrase] ?? this[OciConfigKeys.PassPhraseAlias];

    /// <summary><c>region</c>, or the <c>OCI_REGION</c> environment variable when the profile has none.</summary>
    public string? Region => this[OciConfigKeys.Region] ?? NonBlank(Environment.GetEnvironmentVariable(RegionEnvironmentVariable));

    /// <summary><c>security_token_file</c>, with <c>~</c> expanded.</summary>
    public string? SecurityTokenFile => ExpandedPath(OciConfigKeys.SecurityTokenFile);

    /// <summary><c>delegation_token_file</c> (Cloud Shell), with <c>~</c> expanded.</summary>
    public string? DelegationTokenFile => ExpandedPath(OciConfigKeys.DelegationTokenFile);

    /// <summary>Non-fatal findings, such as a key file that other users can read.</summary>
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    /// <summary>Any key of the profile (case-insensitive), inherited from <c>[DEFAULT]</c> when the profile lacks it; null when absent.</summary>
    public string? this[string key]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(key);
            return _entries.TryGetValue(key.Trim().ToLowerInvariant(), out ConfigEntry? entry) ? NonBlank(entry.Value) : null;
        }
    }

    /// <summary>
    /// Reads <paramref name="profile"/> from the config file at <paramref name="path"/> or, when no path is given,
    /// from <c>~/.oci/config</c> or else the file named by <c>OCI_CONFIG_FILE</c>.
    /// </summary>
    /// <exception cref="OciConfigException">The file is missing or malformed, the profile is absent, or the profile has problems.</exception>
    public static OciConfig FromFile(string? path = null, string profile = DefaultProfile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(profile);
        profile = profile.Trim();
        string filePath = ConfigFileLocator.Resolve(path);
        string text;
        try
        {
            text = File.ReadAllText(filePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OciConfigException(filePath, null, [new(null, null, $"the file cannot be read: {e.Message}")], e);
        }

        ConfigFileParser.Result parsed = ConfigFileParser.Parse(text);
        if (parsed.Problems.Count > 0)
        {
            throw new OciConfigException(filePath, null, parsed.Problems);
        }

        var config = new OciConfig(filePath, profile, MergeWithDefault(parsed, profile, filePath));
        config.Validate();
        return config;
    }

    /// <summary>Shows where the profile came from and its keys; secret values are redacted.</summary>
    public override string ToString() =>
        $"OciConfig {{ File = {FilePath}, Profile = {Profile}, " +
        string.Join(", ", _entries.Values.OrderBy(e => e.Line).Select(e => $"{e.Key} = {(OciConfigKeys.IsSecret(e.Key) ? SecretRedaction.Redacted : e.Value)}")) + " }";

    /// <summary>An exception about one key of this profile, pointing at its line.</summary>
    internal OciConfigException Problem(string key, string message, Exception? innerException = null)
    {
        OciConfigProblem problem = _entries.ContainsKey(key) ? Located(key, message) : new(key, null, message);
        return new OciConfigException(FilePath, Profile, [problem], innerException);
    }

    private static Dictionary<string, ConfigEntry> MergeWithDefault(ConfigFileParser.Result parsed, string profile, string filePath)
    {
        var merged = new Dictionary<string, ConfigEntry>(StringComparer.Ordinal);
        if (parsed.Sections.TryGetValue(DefaultProfile, out Dictionary<string, ConfigEntry>? defaults))
        {
            foreach ((string key, ConfigEntry entry) in defaults)
            {
                merged[key] = entry;
            }
        }

        if (parsed.Sections.TryGetValue(profile, out Dictionary<string, ConfigEntry>? own))
        {
            foreach ((string key, ConfigEntry entry) in own)
            {
                merged[key] = entry;
            }
        }
        else
        {
            // Also for [DEFAULT]: "not found; profiles in the file: [dev]" (or "the file is empty") says what to do,
            // four keys "missing from [DEFAULT]" does not.
            throw new OciConfigException(filePath, profile, [new(null, null, ProfileNotFoundMessage(parsed, profile))]);
        }

        return merged;
    }

    private static string ProfileNotFoundMessage(ConfigFileParser.Result parsed, string profile)
    {
        string available = parsed.Sections.Count == 0 ? "the file has no profiles (it is empty or holds only comments)" : "profiles in the file: " + string.Join(", ", parsed.Sections.Keys.Select(k => $"[{k}]"));
        string? sameIgnoringCase = parsed.Sections.Keys.FirstOrDefault(k => string.Equals(k, profile, StringComparison.OrdinalIgnoreCase));
        string hint = sameIgnoringCase is null ? string.Empty : $" (profile names are case-sensitive: did you mean [{sameIgnoringCase}]?)";
        return $"profile [{profile}] was not found{hint}; {available}";
    }

    private void Validate()
    {
        var problems = new List<OciConfigProblem>();
        string? authenticationType = this[OciConfigKeys.AuthenticationType];
        bool usesSessionToken = this[OciConfigKeys.SecurityTokenFile] is not null;
        bool usesApiKey = authenticationType is null && !usesSessionToken;
        if (authenticationType is not null and not ("api_key" or "instance_principal" or "resource_principal"))
        {
            problems.Add(Located(OciConfigKeys.AuthenticationType, $"'{authenticationType}' is not an authentication type (expected api_key, instance_principal or resource_principal)"));
        }

        if (authenticationType is null or "api_key")
        {
            Require(problems, OciConfigKeys.Tenancy, "the tenancy OCID");
            Require(problems, OciConfigKeys.KeyFile, "the path of the API private key");
            if (usesApiKey)
            {
                Require(problems, OciConfigKeys.User, "the user OCID");
                Require(problems, OciConfigKeys.Fingerprint, "the API key's fingerprint");
            }
        }

        CheckOcid(problems, OciConfigKeys.Tenancy);
        CheckOcid(problems, OciConfigKeys.User);
        if (this[OciConfigKeys.Fingerprint] is { } fingerprint && !KeyFingerprint.IsWellFormed(fingerprint))
        {
            problems.Add(Located(OciConfigKeys.Fingerprint, $"'{fingerprint}' is not a key fingerprint (expected 16 colon-separated hex bytes, e.g. 20:3b:97:13:55:1c:5b:0d:d3:37:d8:50:4e:c5:3a:34)"));
        }

        if (_entries.ContainsKey(OciConfigKeys.KeyContent))
        {
            problems.Add(Located(OciConfigKeys.KeyContent, "'key_content' cannot be used in a config file, where the key would sit in plain text next to its identity; put the key in a file and set key_file"));
        }

        CheckFileExists(problems, OciConfigKeys.KeyFile, "private key file");
        CheckFileExists(problems, OciConfigKeys.SecurityTokenFile, "security token file");
        CheckFileExists(problems, OciConfigKeys.DelegationTokenFile, "delegation token file");
        if (problems.Count > 0)
        {
            throw new OciConfigException(FilePath, Profile, problems.OrderBy(p => p.Line ?? int.MaxValue).ToList());
        }

        if (KeyFile is { } keyFile)
        {
            Warnings = KeyFilePermissions.Check(keyFile);
        }
    }

    private void Require(List<OciConfigProblem> problems, string key, string what)
    {
        if (this[key] is null)
        {
            string where = Profile == DefaultProfile ? "from [DEFAULT]" : $"from both [{Profile}] and [DEFAULT]";
            problems.Add(new(key, null, $"{what} is missing {where}"));
        }
    }

    private void CheckOcid(List<OciConfigProblem> problems, string key)
    {
        if (this[key] is { } value && !OcidPattern().IsMatch(value))
        {
            problems.Add(Located(key, $"'{value}' is not an OCID (expected something like ocid1.{key}.oc1..aaaa...)"));
        }
    }

    private void CheckFileExists(List<OciConfigProblem> problems, string key, string what)
    {
        if (ExpandedPath(key) is not { } path)
        {
            return;
        }

        if (Directory.Exists(path))
        {
            problems.Add(Located(key, $"the {what} '{path}' is a directory, not a file"));
        }
        else if (!File.Exists(path))
        {
            problems.Add(Located(key, $"the {what} '{path}' does not exist"));
        }
    }

    private OciConfigProblem Located(string key, string message)
    {
        ConfigEntry entry = _entries[key];
        string inherited = entry.Section == Profile ? string.Empty : $" (inherited from [{entry.Section}])";
        return new OciConfigProblem(key, entry.Line, message + inherited);
    }

    private string? ExpandedPath(string key)
    {
        if (this[key] is not { } value)
        {
            return null;
        }

        string expanded = PathExpansion.ExpandHome(value);
        return Path.IsPathFullyQualified(expanded) ? expanded : Path.GetFullPath(expanded);
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    // The OCI SDKs' pattern: at least five segments of [0-9a-zA-Z-_] joined by '.' or ':'; inner ones may be empty ("oc1..").
    [GeneratedRegex(@"^([0-9a-zA-Z\-_]+[.:])([0-9a-zA-Z\-_]*[.:]){3,}([0-9a-zA-Z\-_]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex OcidPattern();
}
