namespace OciRaw;

/// <summary>A call was refused without being sent: the endpoint's <see cref="OciCircuitBreaker"/> is open after repeated failures.</summary>
public sealed class OciCircuitOpenException : OciException
{
    /// <summary>Creates the exception.</summary>
    public OciCircuitOpenException(string endpoint, DateTimeOffset openUntil)
        : base($"The circuit breaker for {endpoint} is open after repeated transient failures; calls are refused until {openUntil:u} to let the service recover.")
    {
        Endpoint = endpoint;
        OpenUntil = openUntil;
    }

    /// <summary>The endpoint (scheme, host and port) whose circuit is open.</summary>
    public string Endpoint { get; }

    /// <summary>When the circuit lets a call through again.</summary>
    public DateTimeOffset OpenUntil { get; }
}
