namespace OciRaw.Cli;

/// <summary>
/// The OCI CLI's warning about config and key files that others may use (cli_util.FilePermissionChecker): any bit
/// beyond owner read/write (mode &amp; 0177) warns on stderr, unless OCI_CLI_SUPPRESS_FILE_PERMISSIONS_WARNING is
/// exactly <c>True</c>. It never stops the request.
/// </summary>
internal static class FilePermissionWarning
{
    private const UnixFileMode Unwanted = UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public static string? For(string path)
    {
        if (OperatingSystem.IsWindows() || Environment.GetEnvironmentVariable(CliEnvironment.SuppressFilePermissionsWarning) == "True")
        {
            return null;
        }

        try
        {
            if ((File.GetUnixFileMode(path) & Unwanted) == 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return $"WARNING: Permissions on {path} are too open. To fix this please try executing the following command: chmod 600 {path}" +
            $"{Environment.NewLine}Alternatively to hide this warning, you may set the environment variable, {CliEnvironment.SuppressFilePermissionsWarning}: export {CliEnvironment.SuppressFilePermissionsWarning}=True";
    }
}
