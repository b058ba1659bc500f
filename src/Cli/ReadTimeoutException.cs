namespace OciRaw.Cli;

/// <summary>No byte arrived within --read-timeout (requests' ReadTimeout).</summary>
internal sealed class ReadTimeoutException(TimeSpan timeout)
    : IOException($"no data arrived within {timeout.TotalSeconds:0.###} seconds (--read-timeout)")
{
    public TimeSpan Timeout { get; } = timeout;
}
