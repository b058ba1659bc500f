namespace OciRaw;

/// <summary>
/// A token-based principal cannot produce credentials: a missing or expired session token, an unreachable metadata
/// service, a refused federation request. The message says what and where; it never contains a token or key.
/// </summary>
public sealed class OciAuthenticationException : OciException
{
    /// <summary>Creates the exception.</summary>
    public OciAuthenticationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
