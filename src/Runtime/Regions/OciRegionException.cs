namespace OciRaw;

/// <summary>A region could not be resolved: it is unknown, or a source that declares regions is malformed. The message says which and how to fix it.</summary>
public sealed class OciRegionException : OciException
{
    /// <summary>Creates the exception.</summary>
    public OciRegionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public OciRegionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
