namespace OciRaw;

/// <summary>
/// A call failed in a way OCI's retry policy retries (a timeout or a connection error), but was not retried; the message
/// says why (a request body that cannot be sent twice). The failure itself is the inner exception.
/// </summary>
public sealed class OciRetryException : OciException
{
    /// <summary>Creates the exception.</summary>
    public OciRetryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
