namespace OciRaw;

/// <summary>
/// Warns (never fails) when a private key file can be read by its group or by others, as the OCI CLI does. Signing
/// still works; the warning tells people to run <c>chmod go-rwx</c>.
/// </summary>
internal static class KeyFilePermissions
{
    public static IReadOnlyList<string> Check(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return [];
        }

        try
        {
            UnixFileMode mode = File.GetUnixFileMode(path);
            const UnixFileMode OthersOrGroup = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
            if ((mode & OthersOrGroup) != 0)
            {
                return [$"The private key file '{path}' can be read or written by other users (mode {ToOctal(mode)}). Restrict it with: chmod go-rwx {path}"];
            }
        }
        catch (IOException)
        {
            // The file was readable a moment ago; a failing stat is not worth a warning.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return [];
    }

    private static string ToOctal(UnixFileMode mode) => Convert.ToString((int)mode & 0x1FF, 8).PadLeft(3, '0');
}
