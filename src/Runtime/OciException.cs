namespace OciRaw;

/// <summary>
/// The base of every exception OciRaw throws for a failed OCI call or a failed setup: a service error
/// (<see cref="OciServiceException"/>), a response that does not fit the declared result (<see cref="OciEmptyBodyException"/>,
/// <see cref="OciJsonException"/>), or credentials that cannot be loaded or used (<see cref="OciConfigException"/>,
/// <see cref="OciKeyException"/>, <see cref="OciAuthenticationException"/>). One <c>catch (OciException)</c> handles
/// "the OCI call failed"; catch a derived type for its details. Argument mistakes stay
/// <see cref="ArgumentException"/>s and cancellation stays <see cref="OperationCanceledException"/>.
/// </summary>
public abstract class OciException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    protected OciException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and the exception that caused it.</summary>
    protected OciException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
