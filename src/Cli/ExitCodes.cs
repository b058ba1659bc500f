namespace OciRaw.Cli;

/// <summary>Process exit codes of <c>ociraw</c>.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The service answered with a non-2xx status.</summary>
    public const int ServiceError = 1;

    /// <summary>The command line, config file or key is wrong; nothing was sent.</summary>
    public const int InvalidInput = 2;

    /// <summary>The request could not be sent or no response arrived (DNS, connection, timeout).</summary>
    public const int NetworkError = 3;
}
