namespace OciRaw.Extensions.DependencyInjection;

/// <summary>
/// A configuration value for OciRaw is missing, unknown or malformed; the message names the key (its full path, e.g.
/// <c>Oci:Retry:MaxAttempts</c>) and what was expected. Values are quoted only for keys that cannot hold secrets.
/// </summary>
public sealed class OciSettingsException : OciException
{
    /// <summary>Creates the exception with a message that names the key.</summary>
    public OciSettingsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message that names the key, and the error behind it.</summary>
    public OciSettingsException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
