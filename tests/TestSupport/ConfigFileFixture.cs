namespace OciRaw.TestSupport;

/// <summary>
/// A config file with one API-key profile in its own temporary folder, deleted on dispose. The key is copied next to
/// it with owner-only permissions, as <c>oci setup config</c> leaves it, so no permission warning is printed.
/// </summary>
public sealed class ConfigFileFixture : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ociraw-cli-").FullName;

    public ConfigFileFixture(string tenancy, string user, string fingerprint, string keyFile, string? passPhrase = null, string profile = "DEFAULT")
    {
        Path = System.IO.Path.Combine(_folder, "config");
        string keyCopy = System.IO.Path.Combine(_folder, System.IO.Path.GetFileName(keyFile));
        File.Copy(keyFile, keyCopy);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyCopy, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        keyFile = keyCopy;
        string passPhraseLine = passPhrase is null ? string.Empty : $"pass_phrase={passPhrase}\n";
        File.WriteAllText(Path, $"[{profile}]\ntenancy={tenancy}\nuser={user}\nfingerprint={fingerprint}\nkey_file={keyFile}\n{passPhraseLine}region=us-ashburn-1\n");
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
