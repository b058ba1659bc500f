namespace OciRaw;

/// <summary>
/// A setting given either as the value itself or as an absolute path to a file that holds it, as the OCI SDKs read
/// resource-principal variables. A file is re-read when it changes, so an agent that rotates it is followed.
/// </summary>
internal sealed class ValueOrFile(string name, string setting)
{
    private readonly bool _isFile = Path.IsPathFullyQualified(setting);

    /// <summary>A stamp that changes when the value may have changed (the file's write time and length), constant for a value.</summary>
    public FileStamp Version => _isFile ? FileStamp.Of(setting) : default;

    /// <summary>The value, trimmed; the message of a failure names the variable and the file, never the content.</summary>
    public string Read() =>
        _isFile ? SecretFile.ReadTrimmed(setting, problem => $"{name} points to '{setting}', which {problem}") : setting.Trim();

    public override string ToString() => _isFile ? $"{name} = {setting}" : $"{name} = <value>";
}
