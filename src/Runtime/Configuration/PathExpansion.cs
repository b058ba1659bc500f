namespace OciRaw;

/// <summary><c>~</c> expansion for paths in config files, as the OCI SDKs do it.</summary>
internal static class PathExpansion
{
    /// <summary>Replaces a leading <c>~</c> (alone, or before <c>/</c> or <c>\</c>) with the user's home folder.</summary>
    public static string ExpandHome(string path)
    {
        if (path.Length == 0 || path[0] != '~' || (path.Length > 1 && path[1] is not ('/' or '\\')))
        {
            return path;
        }

        string home = Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } fromEnv
            ? fromEnv
            : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return path.Length == 1 ? home : Path.Join(home, path[2..]);
    }
}
