namespace OciRaw;

/// <summary>
/// A private key could not be loaded or does not match its configuration. The message names the key's source
/// (a file path, or "PEM text") and what is wrong; it never contains key material or pass phrases.
/// </summary>
public sealed class OciKeyException : OciException
{
    /// <summary>Creates the exception.</summary>
    public OciKeyException(OciKeyError error, string keySource, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(keySource);
        Error = error;
        // Messages quote file paths ("The key in '/path' ..."); the property holds the path itself, however it was passed.
        KeySource = keySource.Length >= 2 && keySource[0] == '\'' && keySource[^1] == '\'' ? keySource[1..^1] : keySource;
    }

    /// <summary>What is wrong with the key.</summary>
    public OciKeyError Error { get; }

    /// <summary>Where the key came from: the file path (unquoted), or <c>the PEM text given</c> for keys given in code.</summary>
    public string KeySource { get; }
}
