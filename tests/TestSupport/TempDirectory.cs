namespace OciRaw.TestSupport;

/// <summary>A fresh folder under the system temp folder for config and key files; deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Root = Directory.CreateTempSubdirectory("ociraw-tests-").FullName;

    public string Root { get; }

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    /// <summary>Writes <paramref name="content"/> (UTF-8, no BOM) and returns the full path.</summary>
    public string Write(string relativePath, string content, UnixFileMode? mode = null) =>
        WriteBytes(relativePath, System.Text.Encoding.UTF8.GetBytes(content), mode);

    public string WriteBytes(string relativePath, byte[] content, UnixFileMode? mode = null)
    {
        string path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        if (mode is { } m && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, m);
        }

        return path;
    }

    /// <summary>Copies a key from TestData/keys, owner-only (0600) so that it draws no permission warning.</summary>
    public string CopyKey(string testKeyName, string? relativePath = null) =>
        Write(relativePath ?? testKeyName, TestKeys.Text(testKeyName), TestKeys.OwnerOnly);

    public string CreateDirectory(string relativePath) => Directory.CreateDirectory(PathOf(relativePath)).FullName;

    /// <summary>
    /// A file that exists but whose read fails with an I/O error, even for root (who ignores mode 000): a symbolic link
    /// to /proc/self/mem, which cannot be read at offset 0.
    /// </summary>
    public string CreateUnreadableFile(string relativePath)
    {
        string path = PathOf(relativePath);
        File.CreateSymbolicLink(path, "/proc/self/mem");
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}
