namespace OciRaw;

/// <summary>
/// Finds the config file as the OCI SDKs do: an explicit path wins; otherwise <c>~/.oci/config</c> when it exists,
/// then the file named by <c>OCI_CONFIG_FILE</c>.
/// </summary>
internal static class ConfigFileLocator
{
    public const string EnvironmentVariable = "OCI_CONFIG_FILE";
    public const string DefaultLocation = "~/.oci/config";

    public static string Resolve(string? path)
    {
        if (!string.IsNullOrWhiteSpace(path))
        {
            return RequireFile(Path.GetFullPath(PathExpansion.ExpandHome(path.Trim())), "the file does not exist");
        }

        string defaultPath = Path.GetFullPath(PathExpansion.ExpandHome(DefaultLocation));
        if (File.Exists(defaultPath))
        {
            return defaultPath;
        }

        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return RequireFile(Path.GetFullPath(PathExpansion.ExpandHome(fromEnvironment.Trim())),
                $"the file named by {EnvironmentVariable} does not exist (and neither does {defaultPath})");
        }

        throw new OciConfigException(defaultPath, null,
            [new(null, null, $"no config file was found: {defaultPath} does not exist and {EnvironmentVariable} is not set. Create one with 'oci setup config' or pass a path")]);
    }

    private static string RequireFile(string fullPath, string missingMessage)
    {
        if (Directory.Exists(fullPath))
        {
            throw new OciConfigException(fullPath, null, [new(null, null, "this is a directory, not a config file")]);
        }

        if (!File.Exists(fullPath))
        {
            throw new OciConfigException(fullPath, null, [new(null, null, missingMessage)]);
        }

        return fullPath;
    }
}
